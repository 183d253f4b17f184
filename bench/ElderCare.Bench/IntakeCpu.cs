using System.Diagnostics;
using System.Globalization;
using System.Text;
using ElderCare.ClusterTests.Infrastructure;
using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ElderCare.Bench;

/// <summary>
/// The CPU one alarm costs an app node (ADR 32): one node as its own process (Release, Production,
/// warnings-only logs) on a fresh PostgreSQL database with Redis and the database key ring as in deploy/cluster.sh, a
/// closed loop of a fixed number of clients sending alarms from a few thousand devices, and the node's user + system CPU
/// (/proc/PID/stat) divided by the requests answered — `GET /health` the same way as the floor.
/// </summary>
public static class IntakeCpu
{
    public const string Database = "eldercare_intake_cpu";

    public static async Task<int> RunAsync(int alarms, int devices, int concurrency)
    {
        var server = Environment.GetEnvironmentVariable("ELDERCARE_BENCH_PG") ?? "Host=127.0.0.1;Username=postgres;Password=postgres";
        // No TLS to the database, as on deploy/cluster.sh's fresh PostgreSQL (its initdb leaves ssl off): TLS on loopback
        // would add its own cost to every round trip.
        var connection = $"{server};Database={Database};SSL Mode=Disable";
        await RecreateAsync(server);
        string Key() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        using var app = new AppProcess(port: 5393, settings: new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__App"] = connection,
            ["DataProtection__Store"] = "Database",
            ["DataProtection__KeyEncryptionKey"] = Key(),
            ["FieldEncryption__Keys__k1"] = Key(),
            ["FieldEncryption__PrimaryKeyId"] = "k1",
            ["FieldEncryption__IndexKey"] = Key(),
            ["Redis__Configuration"] = Environment.GetEnvironmentVariable("ELDERCARE_BENCH_REDIS") ?? "127.0.0.1:6379",
            ["Redis__Prefix"] = Database,
        });
        await app.CommandAsync(null, "migrate");
        await app.CommandAsync(null, "seed");
        await app.StartAsync();
        IReadOnlyList<string> keys;
        await using (var db = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connection).Options))
            keys = await DeviceSeed.AddAsync(db, devices, DateTime.UtcNow);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency })
            { BaseAddress = new Uri(app.Url), Timeout = TimeSpan.FromSeconds(30) };
        var run = Guid.NewGuid().ToString("N")[..6];
        Task<bool> Alarm(int n, string prefix) => AlarmLoad.PostAlarmAsync(http, keys[n % keys.Count], $"{prefix}-{run}-{n}");
        Task<bool> Health(int _) => AlarmLoad.HealthAsync(http);
        Console.WriteLine($"node pid {app.Pid}; {keys.Count:N0} devices, {concurrency} clients");
        var warmup = Math.Min(3000, alarms / 2); // past tiered compilation, so the measured phase is the steady state
        await ClosedLoop(app.Pid, "warm-up GET /health", warmup, concurrency, Health);
        // The warm-up alarms go to devices of their own turn (offset), so no device passes its burst in the measured phase.
        await ClosedLoop(app.Pid, "warm-up POST /api/alarms", warmup, concurrency, n => Alarm(n + alarms, "warm"));
        var health = await ClosedLoop(app.Pid, "GET /health", alarms, concurrency, Health);
        var intake = await ClosedLoop(app.Pid, "POST /api/alarms", alarms, concurrency, n => Alarm(n, "load"));
        var body = new StringBuilder()
            .AppendLine("One node as its own process (Release, Production, warnings-only logs) on a fresh PostgreSQL database with Redis and " +
                "the database key ring, as a node of `deploy/cluster.sh`; a closed loop of clients (each waits for its answer), so the " +
                "node's user + system CPU (/proc/PID/stat) divided by the requests answered is what one request costs it. " +
                "`GET /health` the same way in the same run is the floor: what any request costs.")
            .AppendLine()
            .AppendLine("| path | requests | rate | failed | p50 | p99 | node CPU per request | node cores busy |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var l in new[] { health, intake })
            body.AppendLine(CultureInfo.InvariantCulture,
                $"| {l.Name} | {l.Count:N0} | {l.Count / l.Seconds:0}/s | {l.Failed} | {l.P50:0.0} ms | {l.P99:0.0} ms | " +
                $"{l.CpuPerRequest * 1000:0.00} ms | {l.CpuPerRequest * l.Count / l.Seconds:0.00} |");
        body.AppendLine().AppendLine(CultureInfo.InvariantCulture,
            $"Node CPU per alarm {intake.CpuPerRequest * 1000:0.00} ms, {intake.CpuPerRequest / health.CpuPerRequest:0.0}× a `/health` request " +
            $"({health.CpuPerRequest * 1000:0.00} ms): 1,000 alarms/s keep {intake.CpuPerRequest * 1000:0.00} cores of app nodes busy, " +
            $"before nginx, PostgreSQL, Redis and the load client.");
        Results.Write("intake-cpu", $"{keys.Count:N0} devices (one elder each), {concurrency} clients, {alarms:N0} requests per path " +
            $"after {warmup:N0} of warm-up on each", body.ToString());
        return intake.Failed == 0 ? 0 : 1;
    }

    private sealed record Loop(string Name, int Count, double Seconds, int Failed, double P50, double P99, double CpuPerRequest);

    /// <summary>Sends <paramref name="count"/> requests from <paramref name="clients"/> clients, each waiting for its answer;
    /// prints and returns the rate, latency and the node's CPU seconds per request.</summary>
    private static async Task<Loop> ClosedLoop(int pid, string name, int count, int clients, Func<int, Task<bool>> send)
    {
        var next = -1;
        var failed = 0;
        var ms = new double[count];
        var cpu = CpuSeconds(pid);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            for (var n = Interlocked.Increment(ref next); n < count; n = Interlocked.Increment(ref next))
            {
                var started = clock.Elapsed;
                bool ok;
                try { ok = await send(n); } catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { ok = false; }
                if (!ok) Interlocked.Increment(ref failed);
                ms[n] = (clock.Elapsed - started).TotalMilliseconds;
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var loop = new Loop(name, count, seconds, failed, Results.Percentile(ms, 0.5), Results.Percentile(ms, 0.99),
            (CpuSeconds(pid) - cpu) / count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {count:N0} in {seconds:0.0} s ({count / seconds:0}/s), {failed} failed, p50 {loop.P50:0.0} ms, " +
            $"p99 {loop.P99:0.0} ms; node CPU {loop.CpuPerRequest * 1000:0.00} ms per request"));
        return loop;
    }

    /// <summary>User + system CPU time of a process so far (/proc/PID/stat, clock ticks of 1/100 s).</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private static async Task RecreateAsync(string server)
    {
        await using var c = new NpgsqlConnection($"{server};Database=postgres");
        await c.OpenAsync();
        foreach (var sql in new[] { $"DROP DATABASE IF EXISTS {Database} WITH (FORCE)", $"CREATE DATABASE {Database}" })
        {
            await using var cmd = new NpgsqlCommand(sql, c);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
