using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ElderCare.ClusterTests.Infrastructure;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Alarms;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Bench;

/// <summary>
/// The app as its own process (the Release build of src/ElderCare.Web) on a fresh SQLite file, so a load client can
/// measure it over real HTTP and a chaos run can SIGKILL it. Production environment, warnings-only logs.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly string _dll;
    private readonly Dictionary<string, string> _env;
    private Process? _process;

    public string Folder { get; }
    public string DatabaseFile => Path.Combine(Folder, "eldercare.db");
    public string Url { get; }

    /// <summary>The app's process id (its CPU time is in /proc/PID/stat).</summary>
    public int Pid => _process!.Id;

    public AppProcess(string? dll = null, int port = 5391, IDictionary<string, string>? settings = null)
    {
        _dll = dll ?? Path.Combine(AppContext.BaseDirectory, "..", "..", "ElderCare.Web", "release", "ElderCare.Web.dll");
        Folder = Path.Combine(Path.GetTempPath(), "eldercare-alarmbench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Folder);
        Url = $"http://127.0.0.1:{port}";
        _env = new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__App"] = $"Data Source={DatabaseFile}",
            ["Database__CreateIfMissing"] = "true",
            ["FieldEncryption__KeyFile"] = Path.Combine(Folder, "field-keys.json"),
            ["Logging__LogLevel__Default"] = "Warning",
            ["ELDERCARE_ADMIN_PASSWORD"] = "Haitang!Elder2026",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string>()) _env[k] = v;
    }

    public async Task StartAsync(TimeSpan? timeout = null)
    {
        _process = Process.Start(Info("--urls", Url))!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"app exited with {_process.ExitCode}");
            try
            {
                if ((await http.GetAsync(Url + "/health")).IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("app did not become healthy");
    }

    /// <summary>An admin command (<c>seed --demo</c>, <c>users add …</c>) against the same database, with one line on standard input.</summary>
    public async Task CommandAsync(string? input, params string[] args)
    {
        var info = Info(args);
        info.RedirectStandardInput = true;
        using var command = Process.Start(info)!;
        await command.StandardInput.WriteLineAsync(input ?? "");
        command.StandardInput.Close();
        var output = command.StandardOutput.ReadToEndAsync();
        var error = command.StandardError.ReadToEndAsync();
        await command.WaitForExitAsync();
        if (command.ExitCode != 0)
            throw new InvalidOperationException($"{string.Join(' ', args)} exited with {command.ExitCode}: {await output} {await error}");
    }

    private ProcessStartInfo Info(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false };
        info.ArgumentList.Add(Path.GetFullPath(_dll));
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in _env) info.Environment[k] = v;
        return info;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush — the power-cut the durability promise is about.</summary>
    public void Kill()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: false); // Process.Kill is SIGKILL on Unix
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    public SqliteAppDbContext Db() =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={DatabaseFile}").Options);

    /// <summary>One elder per 20 devices, in 昌元街道, written straight into the database (the app is running).</summary>
    public async Task<IReadOnlyList<string>> DevicesAsync(int count)
    {
        await using var db = Db();
        return await DeviceSeed.AddAsync(db, count, DateTime.UtcNow);
    }
}

/// <summary>Latency summary of one open-loop phase (latency measured from the scheduled send time: no coordinated omission).</summary>
public sealed record Phase(string Name, int Sent, int Ok, int Errors, double RatePerSecond, double P50, double P90, double P99, double Max)
{
    public static Phase Of(string name, IReadOnlyCollection<(double Ms, bool Ok)> samples, TimeSpan duration)
    {
        var ms = samples.Select(s => s.Ms).ToList();
        double P(double p) => Results.Percentile(ms, p);
        return new(name, samples.Count, samples.Count(s => s.Ok), samples.Count(s => !s.Ok), samples.Count / duration.TotalSeconds,
            P(0.5), P(0.9), P(0.99), P(1));
    }

    public string Row() =>
        $"| `{Name}` | {Sent:N0} | {RatePerSecond:0}/s | {P50:0.0} ms | {P90:0.0} ms | {P99:0.0} ms | {Max:0.0} ms | {Errors} |";

    public override string ToString() =>
        $"{Name}: {Sent} sent at {RatePerSecond:0.0}/s, {Ok} ok, {Errors} errors; " +
        $"p50 {P50:0.0} ms, p90 {P90:0.0} ms, p99 {P99:0.0} ms, max {Max:0.0} ms";
}

public static class AlarmLoad
{
    /// <summary>The latency table of a run (the <c>/health</c> baseline, then the intake) and the start of the line under it: the
    /// ratio of their p50 and p99.</summary>
    public static StringBuilder AppendLatencies(this StringBuilder md, Phase health, Phase intake) => md
        .AppendLine("| endpoint | sent | rate | p50 | p90 | p99 | max | errors |")
        .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|")
        .AppendLine(health.Row())
        .AppendLine(intake.Row())
        .AppendLine()
        .Append(CultureInfo.InvariantCulture, $"Ratio intake / `/health`: p50 {intake.P50 / health.P50:0.0}×, p99 {intake.P99 / health.P99:0.0}×. ");

    /// <summary>Fires requests at a fixed rate for the duration, without waiting for answers (open loop).</summary>
    internal static async Task<List<(double Ms, bool Ok)>> OpenLoop(double rate, TimeSpan duration, Func<long, Task<bool>> send)
    {
        var samples = new ConcurrentBag<(double, bool)>();
        var total = (long)(rate * duration.TotalSeconds);
        var clock = Stopwatch.StartNew();
        var inflight = new List<Task>((int)total);
        for (long i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            var n = i;
            inflight.Add(Task.Run(async () =>
            {
                bool ok;
                try { ok = await send(n); } catch (Exception) { ok = false; }
                samples.Add(((clock.Elapsed - due).TotalMilliseconds, ok));
            }));
        }
        await Task.WhenAll(inflight);
        return [.. samples];
    }

    /// <summary>The goal of QUALITY P4: intake p99 under this at 200 alarms/s sustained.</summary>
    public const double IntakeP99GoalMs = 100;

    /// <summary>QUALITY R1 asks for at least this many kills in one run.</summary>
    public const int RequiredKills = 20;

    /// <summary>Intake at a fixed rate against /health at the same rate, in one run on one app process; writes the intake section.</summary>
    /// <summary>A device's alarm as the intake benches send it: true when stored (201).</summary>
    public static async Task<bool> PostAlarmAsync(HttpClient http, string deviceKey, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/alarms")
            { Content = new StringContent(DeviceSeed.AlarmBody(DateTimeOffset.UtcNow), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Device-Key", deviceKey);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var r = await http.SendAsync(request);
        return r.StatusCode == HttpStatusCode.Created;
    }

    /// <summary>The baseline request of the intake benches: <c>GET /health</c>, true when it answers 2xx.</summary>
    public static async Task<bool> HealthAsync(HttpClient http)
    {
        using var r = await http.GetAsync("/health");
        return r.IsSuccessStatusCode;
    }

    public static async Task<int> IntakeAsync(int rate, int seconds)
    {
        using var app = new AppProcess();
        await app.StartAsync();
        // Enough devices that no device exceeds its token bucket (10 alarms, then one per 6 s) during the run.
        var devices = await app.DevicesAsync(Math.Max(200, rate * seconds / 8));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
            { BaseAddress = new Uri(app.Url), Timeout = TimeSpan.FromSeconds(30) };
        var run = Guid.NewGuid().ToString("N")[..6];
        Task<bool> Alarm(long n, string prefix) => PostAlarmAsync(http, devices[(int)(n % devices.Count)], $"{prefix}-{run}-{n}");
        Task<bool> Health(long _) => HealthAsync(http);
        // Warm up both paths (JIT, connection pool, SQLite page cache).
        var warmup = Results.Size(5, 1);
        await OpenLoop(Math.Min(rate, 50), TimeSpan.FromSeconds(warmup), n => Alarm(n, "warm"));
        await OpenLoop(Math.Min(rate, 50), TimeSpan.FromSeconds(warmup), Health);

        var duration = TimeSpan.FromSeconds(seconds);
        var health = Phase.Of("GET /health", await OpenLoop(rate, duration, Health), duration);
        Console.WriteLine(health);
        var intake = Phase.Of("POST /api/alarms", await OpenLoop(rate, duration, n => Alarm(n, "load")), duration);
        Console.WriteLine(intake);

        await using var db = app.Db();
        var stored = await db.Alarms.CountAsync(a => a.IdempotencyKey.StartsWith("load-"));
        var journal = await ReadPragma(app.DatabaseFile);
        var pass = intake.P99 < IntakeP99GoalMs && intake.Errors == 0 && stored == intake.Ok;
        var md = new StringBuilder()
            .AppendLine("The app runs as its own process (Release build, Production environment) on a fresh SQLite file; an open-loop client " +
                "sends requests on schedule whether or not earlier ones have answered, and measures latency from the scheduled send time, " +
                $"so a stall shows in full. `GET /health` at the same rate for the same time in the same run is the baseline. {warmup} s " +
                "of warm-up on each path first.")
            .AppendLine()
            .AppendLatencies(health, intake)
            .AppendLine(CultureInfo.InvariantCulture,
                $"Alarms stored: {stored:N0} of {intake.Ok:N0} answered 201 (journal_mode={journal}).")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture,
                $"Goal (QUALITY P4): p99 < {IntakeP99GoalMs:0} ms at 200 alarms/s, no errors, every 201 stored: " +
                $"**{Results.Verdict(pass)}**{(rate < 200 ? $" (run at {rate}/s, below the goal's rate)" : "")}.");
        Results.Write("intake", $"fresh SQLite file (WAL, synchronous=FULL), {devices.Count:N0} devices (one elder per 20), " +
            $"{rate}/s for {seconds} s on each path", md.ToString());
        // Quick mode checks that it runs and stores every acknowledged alarm; its latency says nothing.
        return pass || (Results.Quick && intake.Errors == 0 && stored == intake.Ok) ? 0 : 1;
    }

    private static async Task<string> ReadPragma(string file)
    {
        await using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// QUALITY R1: workers send alarms with idempotency keys, retrying each (same key) until a 2xx; meanwhile the app is
    /// SIGKILLed and restarted at random moments. Then every acknowledged alarm must be in the database exactly once,
    /// with the id it was acknowledged with.
    /// </summary>
    public static async Task<int> ChaosAsync(int kills, int workers, int seed)
    {
        using var app = new AppProcess(port: 5392);
        await app.StartAsync();
        var devices = await app.DevicesAsync(1000);
        var random = new Random(seed);
        var acked = new ConcurrentDictionary<string, (Guid Id, string Device)>();
        var attempts = 0L;
        var failures = 0L;
        using var stop = new CancellationTokenSource();
        using var http = new HttpClient { BaseAddress = new Uri(app.Url), Timeout = TimeSpan.FromSeconds(5) };

        async Task Worker(int w)
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var key = $"chaos-{w}-{n++}";
                var device = devices[(w * 7919 + n) % devices.Count];
                var at = DateTimeOffset.UtcNow;
                while (true) // retry the same key until acknowledged, even after stop: never leave one hanging
                {
                    Interlocked.Increment(ref attempts);
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/alarms")
                            { Content = new StringContent(DeviceSeed.AlarmBody(at), Encoding.UTF8, "application/json") };
                        request.Headers.Add("X-Device-Key", device);
                        request.Headers.Add("Idempotency-Key", key);
                        using var r = await http.SendAsync(request);
                        if (r.IsSuccessStatusCode)
                        {
                            var id = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                            if (acked.TryGetValue(key, out var seen) && seen.Id != id) throw new InvalidOperationException($"{key}: two ids");
                            acked[key] = (id, device);
                            break;
                        }
                        Interlocked.Increment(ref failures);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        Interlocked.Increment(ref failures);
                    }
                    await Task.Delay(50);
                }
            }
        }

        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(() => Worker(w))).ToList();
        var sw = Stopwatch.StartNew();
        for (var k = 1; k <= kills; k++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1000, 5000)));
            var before = acked.Count;
            app.Kill();
            Console.WriteLine($"kill -9 #{k} at {sw.Elapsed.TotalSeconds:0.0} s ({before} acknowledged so far)");
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 1000)));
            await app.StartAsync();
        }
        await Task.Delay(2000);
        stop.Cancel();
        await Task.WhenAll(tasks);

        await using var db = app.Db();
        var rows = await db.Alarms.AsNoTracking().Where(a => a.IdempotencyKey.StartsWith("chaos-"))
            .Select(a => new { a.Id, a.IdempotencyKey, a.Source }).ToListAsync();
        var byKey = rows.GroupBy(r => r.IdempotencyKey).ToDictionary(g => g.Key, g => g.ToList());
        var missing = acked.Where(a => !byKey.ContainsKey(a.Key)).Select(a => a.Key).ToList();
        var duplicates = byKey.Where(g => g.Value.Count > 1).Select(g => g.Key).ToList();
        var wrongId = acked.Where(a => byKey.TryGetValue(a.Key, out var r) && r.Count == 1 && r[0].Id != a.Value.Id).Select(a => a.Key).ToList();
        var unacknowledged = byKey.Keys.Count(k => !acked.ContainsKey(k));
        var pass = missing.Count == 0 && duplicates.Count == 0 && wrongId.Count == 0 && unacknowledged == 0;
        foreach (var m in missing.Take(10)) Console.WriteLine("  missing " + m);
        var md = new StringBuilder()
            .AppendLine($"{workers} workers send alarms with idempotency keys, each key retried until a 2xx; the app process is SIGKILLed at " +
                "random moments 1–5 s apart and restarted 0–1 s later. Then every acknowledged alarm must be in the database exactly once, " +
                "with the id it was acknowledged with. Failed requests are connection refused / reset / timeout while the app was down or " +
                "starting; each was retried with the same key.")
            .AppendLine()
            .AppendLine("| kills | seed | duration | requests | failed and retried | acknowledged | rows | missing | duplicates | wrong id | " +
                "stored, never acknowledged |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
            .AppendLine(CultureInfo.InvariantCulture,
                $"| {kills} | {seed} | {sw.Elapsed.TotalSeconds:0} s | {attempts:N0} | {failures:N0} | {acked.Count:N0} | " +
                $"{rows.Count:N0} | **{missing.Count}** | **{duplicates.Count}** | {wrongId.Count} | {unacknowledged} |")
            .AppendLine()
            .AppendLine($"Goal (QUALITY R1): zero lost, duplicated or re-numbered acknowledged alarms across at least {RequiredKills} kills: " +
                $"**{Results.Verdict(pass && (kills >= RequiredKills || Results.Quick))}**" +
                $"{(kills < RequiredKills ? $" ({kills} kills, fewer than the goal's {RequiredKills})" : "")}.");
        Results.Write("chaos", $"fresh SQLite file (WAL, synchronous=FULL), {devices.Count:N0} devices, {workers} client workers", md.ToString());
        return pass && (kills >= RequiredKills || Results.Quick) ? 0 : 1;
    }

    /// <summary>What synchronous=FULL costs per commit on this disk, against NORMAL, in WAL mode (ADR 11).</summary>
    public static async Task<int> SyncCostAsync(int commits)
    {
        var file = Path.Combine(Path.GetTempPath(), "eldercare-sync-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        try
        {
            await using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False");
            await c.OpenAsync();
            async Task Exec(string sql)
            {
                await using var cmd = c.CreateCommand();
                cmd.CommandText = sql;
                await cmd.ExecuteNonQueryAsync();
            }
            await Exec("PRAGMA journal_mode=WAL; CREATE TABLE t (id BLOB PRIMARY KEY, body TEXT NOT NULL);");
            var runs = new List<(string Mode, double Median, double P99, double PerSecond)>();
            foreach (var mode in Modes)
            {
                await Exec($"PRAGMA synchronous={mode};");
                var ms = new List<double>(commits);
                for (var i = 0; i < commits; i++)
                {
                    var sw = Stopwatch.StartNew();
                    await using (var tx = await c.BeginTransactionAsync())
                    {
                        await using var cmd = c.CreateCommand();
                        cmd.Transaction = (Microsoft.Data.Sqlite.SqliteTransaction)tx;
                        cmd.CommandText = "INSERT INTO t VALUES ($id, $body)";
                        cmd.Parameters.AddWithValue("$id", Guid.NewGuid().ToByteArray());
                        cmd.Parameters.AddWithValue("$body", new string('x', 400));
                        await cmd.ExecuteNonQueryAsync();
                        await tx.CommitAsync();
                    }
                    ms.Add(sw.Elapsed.TotalMilliseconds);
                }
                runs.Add((mode, Results.Percentile(ms, 0.5), Results.Percentile(ms, 0.99), commits / ms.Sum() * 1000));
                Console.WriteLine($"synchronous={mode}: median {runs[^1].Median:0.000} ms, p99 {runs[^1].P99:0.000} ms");
            }
            WriteSyncCost(commits, runs);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        }
        return 0;
    }

    /// <summary>NORMAL first, so each FULL run follows a NORMAL one on a disk in the same state.</summary>
    private static readonly string[] Modes = ["NORMAL", "FULL", "NORMAL", "FULL"];

    private static void WriteSyncCost(int commits, List<(string Mode, double Median, double P99, double PerSecond)> runs)
    {
        var md = new StringBuilder()
            .AppendLine($"Single-row commits of a 400-byte row on one connection, WAL mode, alternating modes ({string.Join(", ", Modes)}), " +
                $"{commits:N0} commits each. NORMAL is the baseline; the app sets FULL on every connection (ADR 11).")
            .AppendLine()
            .AppendLine("| run | mode | median per commit | p99 | commits/s (serial) |")
            .AppendLine("|---:|---|---:|---:|---:|");
        for (var i = 0; i < runs.Count; i++)
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {i + 1} | {runs[i].Mode} | {runs[i].Median:0.000} ms | {runs[i].P99:0.000} ms | {runs[i].PerSecond:N0} |");
        double Median(string mode) => Results.Percentile(runs.Where(r => r.Mode == mode).Select(r => r.Median), 0.5);
        md.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Ratio FULL / NORMAL of the median per commit: {Median("FULL") / Median("NORMAL"):0.0}×.");
        Results.Write("sync-cost", $"a fresh SQLite file in the temp folder, {Modes.Length} × {commits:N0} commits", md.ToString());
    }
}
