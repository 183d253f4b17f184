using System.Globalization;
using System.Net;
using System.Text;
using ElderCare.ClusterTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Bench;

/// <summary>
/// Alarm intake through nginx to the two nodes of the local cluster on PostgreSQL (ADR 32): open loop at a fixed rate,
/// latency from the scheduled send time, `GET /health` through nginx at the same rate in the same run as the baseline,
/// and every acknowledged alarm counted in the primary afterwards.
/// </summary>
public static class ClusterLoad
{
    /// <summary>The goal: intake p99 under this at 1,000 alarms/s through nginx.</summary>
    public const double P99GoalMs = 100;

    /// <summary>Client addresses 127.0.K.1: nginx's ip_hash (first three octets) spreads them over both nodes.</summary>
    private const int Sources = 16;

    public static async Task<int> RunAsync(int rate, int seconds)
    {
        // The bench's build folder (bin/ElderCare.Bench/release is three levels below it): the cluster's app is published from there.
        var build = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", ".."));
        var cluster = new LocalCluster(new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" }, build);
        try
        {
            await cluster.StartAsync();
            return await MeasureAsync(cluster, rate, seconds);
        }
        finally
        {
            await cluster.StopAsync();
        }
    }

    private static async Task<int> MeasureAsync(LocalCluster cluster, int rate, int seconds)
    {
        IReadOnlyList<string> devices;
        await using (var db = LocalCluster.Db())
            devices = await DeviceSeed.AddAsync(db, Math.Max(200, rate * seconds / 8), DateTime.UtcNow); // no device past its burst of 10
        var clients = Enumerable.Range(0, Sources).Select(s => LocalCluster.Client(LocalCluster.Nginx, s, connections: 128)).ToList();
        var run = Guid.NewGuid().ToString("N")[..6];
        var failures = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        async Task<bool> Alarm(long n, string prefix)
        {
            try
            {
                var status = await Send(n, prefix);
                if (status == HttpStatusCode.Created) return true;
                failures.AddOrUpdate(((int)status).ToString(CultureInfo.InvariantCulture), 1, (_, c) => c + 1);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                failures.AddOrUpdate(e.GetType().Name, 1, (_, c) => c + 1);
            }
            return false;
        }
        async Task<HttpStatusCode> Send(long n, string prefix)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/alarms")
                { Content = new StringContent(DeviceSeed.AlarmBody(DateTimeOffset.UtcNow), Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Device-Key", devices[(int)(n % devices.Count)]);
            request.Headers.Add("Idempotency-Key", $"{prefix}-{run}-{n}");
            using var r = await clients[(int)(n % Sources)].SendAsync(request);
            return r.StatusCode;
        }
        async Task<bool> Health(long n)
        {
            using var r = await clients[(int)(n % Sources)].GetAsync("/health");
            return r.IsSuccessStatusCode;
        }
        try
        {
            var warmup = Results.Size(5, 1);
            await AlarmLoad.OpenLoop(Math.Min(rate, 200), TimeSpan.FromSeconds(warmup), n => Alarm(n, "warm"));
            await AlarmLoad.OpenLoop(Math.Min(rate, 200), TimeSpan.FromSeconds(warmup), Health);

            var duration = TimeSpan.FromSeconds(seconds);
            var health = Phase.Of("GET /health", await AlarmLoad.OpenLoop(rate, duration, Health), duration);
            Console.WriteLine(health);
            var cpuBefore = LocalCluster.Nodes.ToDictionary(p => p, p => IntakeCpu.CpuSeconds(cluster.Pid(p)));
            failures.Clear(); // the warm-up's
            var intake = Phase.Of("POST /api/alarms", await AlarmLoad.OpenLoop(rate, duration, n => Alarm(n, "load")), duration);
            Console.WriteLine(intake);
            var cpu = LocalCluster.Nodes.ToDictionary(p => p, p => IntakeCpu.CpuSeconds(cluster.Pid(p)) - cpuBefore[p]);

            long stored;
            await using (var db = LocalCluster.Db())
                stored = await db.Alarms.CountAsync(a => a.IdempotencyKey.StartsWith("load-" + run));
            var pass = intake.P99 < P99GoalMs && intake.Errors == 0 && stored == intake.Ok;
            var failed = string.Join(", ", failures.OrderByDescending(f => f.Value).Select(f => $"{f.Key} × {f.Value:N0}"));
            Write(rate, seconds, warmup, devices.Count, health, intake, stored, cpu, failed, pass);
            return pass || (Results.Quick && intake.Errors == 0 && stored == intake.Ok) ? 0 : 1;
        }
        finally
        {
            foreach (var c in clients) c.Dispose();
        }
    }

    private static void Write(int rate, int seconds, int warmup, int devices, Phase health, Phase intake, long stored,
        Dictionary<int, double> cpu, string failed, bool pass)
    {
        var md = new StringBuilder()
            .AppendLine("`deploy/cluster.sh start` on this machine: nginx (ip_hash) in front of two app nodes (Release, Production, " +
                "warnings-only logs) on a PostgreSQL primary with a streaming replica, Redis as the SignalR backplane — every process " +
                "and the load client on the same cores. Open loop: requests leave on schedule whether or not earlier ones have " +
                $"answered, latency from the scheduled send time. The client sends from {Sources} loopback addresses so that ip_hash " +
                $"spreads it over both nodes. `GET /health` through nginx at the same rate for the same time in the same run is the " +
                $"baseline; {warmup} s of warm-up on each path first.")
            .AppendLine()
            .AppendLatencies(health, intake)
            .AppendLine(CultureInfo.InvariantCulture,
                $"Alarms in the primary: {stored:N0} of {intake.Ok:N0} answered 201. CPU of the nodes during the intake phase: " +
                $"{string.Join(", ", cpu.Select(c => $"{c.Key} {c.Value:0.0} s"))} (of {seconds * Environment.ProcessorCount} core-seconds)." +
                $"{(failed.Length > 0 ? $" Failed intake requests: {failed}." : "")}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture,
                $"Goal: p99 < {P99GoalMs:0} ms at 1,000 alarms/s through nginx, no errors, every 201 stored: **{Results.Verdict(pass)}**" +
                $"{(rate < 1000 ? $" (run at {rate}/s, below the goal's rate)" : "")}.");
        Results.Write("cluster", $"local cluster (2 nodes, PostgreSQL primary + replica, Redis, nginx), {devices:N0} devices " +
            $"(one elder per 20), {rate}/s for {seconds} s on each path", md.ToString());
    }
}
