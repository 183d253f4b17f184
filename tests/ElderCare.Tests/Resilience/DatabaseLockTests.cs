using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ElderCare.Tests.Resilience;

/// <summary>A locked database with a one-second command timeout (the default is 5 s).</summary>
public sealed class LockedApp : AppFactory
{
    public LockedApp() => Settings["Database:CommandTimeoutSeconds"] = "1";
}

/// <summary>
/// ADR 16: with the database locked by another connection, bearer requests got 500 (the session's last-seen write) and
/// one got no response (the audit write after the handler failed). Now: 503 + Retry-After and a Chinese ProblemDetails or
/// page for what needs the database, the read itself still served, and always an answer.
/// </summary>
public class DatabaseLockTests(LockedApp app) : IClassFixture<LockedApp>
{
    /// <summary>Holds SQLite's write lock (BEGIN EXCLUSIVE from another connection) until disposed.</summary>
    private SqliteConnection Lock()
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder(app.ConnectionString) { Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "BEGIN EXCLUSIVE;";
        cmd.ExecuteNonQuery();
        return c;
    }

    private static readonly TimeSpan Answered = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_bearer_read_whose_session_touch_is_due_is_still_served_while_the_database_is_locked()
    {
        Assert.SkipWhen(AppFactory.OnPostgres, "SQLite's write lock");
        var client = await app.ClientAs(ElderCare.Web.Features.Access.Role.DistrictStaff);
        app.Clock.Advance(TimeSpan.FromMinutes(2)); // the session's last-seen is due to be written
        using (Lock())
        {
            var r = await client.GetAsync("/api/regions").WaitAsync(Answered);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
    }

    [Fact]
    public async Task An_api_write_on_a_locked_database_is_503_with_retry_after_and_a_chinese_problem()
    {
        Assert.SkipWhen(AppFactory.OnPostgres, "SQLite's write lock");
        var client = await app.ClientAs(ElderCare.Web.Features.Access.Role.DistrictStaff);
        using (Lock())
        {
            var r = await client.PostJson("/api/facilities", Make.Facility(name: "锁库时登记")).WaitAsync(Answered);
            var problem = await r.AssertProblem(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("5", r.Headers.RetryAfter?.ToString());
            Assert.Contains("数据库暂时不可用", problem.GetProperty("detail").GetString());
            Assert.Equal("数据库暂时不可用", problem.GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task A_hotline_alarm_on_a_locked_database_is_503_not_500()
    {
        Assert.SkipWhen(AppFactory.OnPostgres, "SQLite's write lock");
        var elder = await Alarms.AlarmsApiTests.Elder(app);
        var client = await app.ClientAs(ElderCare.Web.Features.Access.Role.DistrictStaff);
        using (Lock())
        {
            var m = Alarms.AlarmsApiTests.AlarmRequest(null, "locked-1", new { kind = "sos", occurredAt = AppFactory.Start, elderId = elder });
            var r = await client.SendAsync(m).WaitAsync(Answered);
            await r.AssertProblem(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("5", r.Headers.RetryAfter?.ToString());
        }
    }

    [Fact]
    public async Task A_refused_api_write_is_answered_even_when_its_audit_entry_cannot_be_written()
    {
        Assert.SkipWhen(AppFactory.OnPostgres, "SQLite's write lock");
        var client = await app.ClientAs(ElderCare.Web.Features.Access.Role.DistrictStaff);
        using (Lock())
        {
            // The handler answers 400 without touching the database; the audit write after it meets the lock.
            var r = await client.PostJson("/api/facilities", new { name = "" }).WaitAsync(Answered);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        }
    }

    [Fact]
    public async Task A_page_post_on_a_locked_database_gets_a_chinese_503_page_with_retry_after()
    {
        Assert.SkipWhen(AppFactory.OnPostgres, "SQLite's write lock");
        var browser = app.CreateClient();
        var token = await browser.FormToken("/account/login");
        using (Lock())
        {
            var r = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = "nobody-" + Guid.NewGuid().ToString("N")[..6], ["password"] = "Wrong#Password2026",
                ["__RequestVerificationToken"] = token,
            })).WaitAsync(Answered);
            var body = await r.Content.ReadAsStringAsync();
            Assert.True(r.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)r.StatusCode}: {body[..Math.Min(300, body.Length)]}");
            Assert.Equal("5", r.Headers.RetryAfter?.ToString());
            Assert.Contains("数据库暂时不可用", body);
            Assert.Equal("text/html", r.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public void Busy_locked_read_only_and_unreachable_databases_are_unavailable_but_a_constraint_violation_is_not()
    {
        var file = Path.Combine(Path.GetTempPath(), "eldercare-classify-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        try
        {
            using (var c = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                c.Open();
                Exec(c, "CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1);");
                Assert.False(DatabaseUnavailable.Is(Assert.Throws<SqliteException>(() => Exec(c, "INSERT INTO t VALUES (1);"))));
            }
            // Read-only: what a non-root app user meets on a file it may not write (root ignores file modes, so opened read-only here).
            using (var ro = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False"))
            {
                ro.Open();
                Assert.True(DatabaseUnavailable.Is(Assert.Throws<SqliteException>(() => Exec(ro, "INSERT INTO t VALUES (2);"))));
            }
            using (var holder = new SqliteConnection($"Data Source={file};Pooling=False"))
            using (var other = new SqliteConnection($"Data Source={file};Pooling=False;Default Timeout=1"))
            {
                holder.Open();
                other.Open();
                Exec(holder, "BEGIN EXCLUSIVE;");
                Assert.True(DatabaseUnavailable.Is(Assert.ThrowsAny<SqliteException>(() => Exec(other, "INSERT INTO t VALUES (3);"))));
            }
            Assert.True(DatabaseUnavailable.Is(Assert.ThrowsAny<SqliteException>(() =>
                new SqliteConnection($"Data Source={file}.missing;Mode=ReadWrite;Pooling=False").Open())));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
        using var pg = new NpgsqlConnection("Host=127.0.0.1;Port=1;Username=x;Password=x;Timeout=2");
        Assert.True(DatabaseUnavailable.Is(Assert.ThrowsAny<Exception>(() => pg.Open())));
        Assert.False(DatabaseUnavailable.Is(new InvalidOperationException("a bug")));
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
