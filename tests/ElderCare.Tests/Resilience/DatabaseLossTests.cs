using System.Collections.Concurrent;
using System.Net;
using ElderCare.Tests.Alarms;
using ElderCare.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using static ElderCare.Tests.Alarms.AlarmsApiTests;

namespace ElderCare.Tests.Resilience;

/// <summary>
/// ADR 16: the SQLite file deleted or replaced under the running app. Before, alarms kept getting 201 into the deleted
/// file (pooled connections still held it) and /health stayed 200; every one of them was gone after a restart.
/// </summary>
public class DatabaseLossTests
{
    private static AlarmsApp NewApp()
    {
        var app = new AlarmsApp();
        app.Settings["Alarms:BurstPerDevice"] = "100000";
        return app;
    }

    private static string FileOf(AppFactory app) => new SqliteConnectionStringBuilder(app.ConnectionString).DataSource;

    private static object Sos(int i) => new { kind = "sos", occurredAt = AppFactory.Start.AddSeconds(-5 - i) };

    /// <summary>/health checks are cached about a second: poll it a few seconds.</summary>
    private static async Task<HttpResponseMessage> HealthWithin(HttpClient client, HttpStatusCode expected)
    {
        HttpResponseMessage r = null!;
        for (var i = 0; i < 40; i++)
        {
            r = await client.GetAsync("/health");
            if (r.StatusCode == expected) break;
            await Task.Delay(100);
        }
        return r;
    }

    [Fact]
    public async Task Alarms_posted_after_the_database_file_is_deleted_under_load_get_503_never_201_and_health_turns_503()
    {
        Assert.SkipWhen(AppFactory.OnPostgres, "a SQLite file");
        await using var app = NewApp();
        await app.InitializeAsync();
        var elder = await Elder(app);
        var (_, key) = await Device(app, elder);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/health")).StatusCode);

        var deleted = 0; // set once the file is gone; requests sent after it must not be acknowledged
        var after = new ConcurrentBag<(HttpStatusCode Status, string? RetryAfter, string Body)>();
        var n = 0;
        var workers = Enumerable.Range(0, 6).Select(async _ =>
        {
            var client = app.CreateClient();
            // Under load until each worker has sent 10 alarms after the deletion (the load does not end before it).
            for (var mine = 0; mine < 10;)
            {
                var i = Interlocked.Increment(ref n);
                var sentAfterDelete = Volatile.Read(ref deleted) == 1;
                var r = await client.SendAsync(AlarmRequest(key, $"load-{i}", Sos(i)));
                if (!sentAfterDelete) continue;
                mine++;
                after.Add((r.StatusCode, r.Headers.RetryAfter?.ToString(), await r.Content.ReadAsStringAsync()));
            }
        }).ToList();
        while (Volatile.Read(ref n) < 60) await Task.Delay(10);
        var file = FileOf(app);
        foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        Volatile.Write(ref deleted, 1);
        await Task.WhenAll(workers);

        Assert.Equal(60, after.Count);
        Assert.All(after, r =>
        {
            Assert.True(r.Status == HttpStatusCode.ServiceUnavailable, $"{(int)r.Status}: {r.Body}");
            Assert.Equal("5", r.RetryAfter);
            Assert.Contains("数据库", r.Body);
        });
        Assert.False(File.Exists(file), "the app must not create an empty database in its place");
        var health = await HealthWithin(app.CreateClient(), HttpStatusCode.ServiceUnavailable);
        var problem = await health.AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("数据库文件已不存在", problem.GetProperty("detail").GetString());
        // ADR 32: not ready (the load balancer sends nothing more), but alive (no restart loop while the operator restores).
        await (await app.CreateClient().GetAsync("/health/ready")).AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/health/live")).StatusCode);
        // Any other write is refused too (the middleware before writes), and a page post gets a Chinese page.
        var write = await app.Staff.PostJson("/api/facilities", Make.Facility(name: "删库后登记"));
        await write.AssertProblem(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task A_database_file_replaced_by_a_copy_under_the_app_answers_503_to_alarms_and_health()
    {
        Assert.SkipWhen(AppFactory.OnPostgres, "a SQLite file");
        await using var app = NewApp();
        await app.InitializeAsync();
        var elder = await Elder(app);
        var (_, key) = await Device(app, elder);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(AlarmRequest(key, "before", Sos(0)))).StatusCode);

        // A restore over the live file: same content and identity, another file — the app's connections still write the old one.
        var file = FileOf(app);
        File.Copy(file, file + ".copy");
        File.Move(file + ".copy", file, overwrite: true);

        var r = await client.SendAsync(AlarmRequest(key, "after", Sos(1)));
        var problem = await r.AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("5", r.Headers.RetryAfter?.ToString());
        Assert.Contains("数据库", problem.GetProperty("detail").GetString());
        await (await HealthWithin(client, HttpStatusCode.ServiceUnavailable)).AssertProblem(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task A_database_file_replaced_by_another_database_is_told_by_its_identity()
    {
        Assert.SkipWhen(AppFactory.OnPostgres, "a SQLite file");
        await using var other = NewApp();
        await other.InitializeAsync();
        await using var app = NewApp();
        await app.InitializeAsync();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        // No connection of this process holds the old file any more; the new file is a migrated database of its own.
        SqliteConnection.ClearAllPools();
        var file = FileOf(app);
        using (var source = new SqliteConnection(other.ConnectionString))
        {
            source.Open();
            using var cmd = source.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            cmd.ExecuteNonQuery();
        }
        foreach (var f in new[] { file + "-wal", file + "-shm" }) File.Delete(f);
        File.Copy(FileOf(other), file, overwrite: true);

        var health = await HealthWithin(client, HttpStatusCode.ServiceUnavailable);
        var problem = await health.AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("标识不符", problem.GetProperty("detail").GetString());
    }
}
