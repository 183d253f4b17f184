using System.Globalization;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ElderCare.Bench;

// Not top-level statements: those would declare a second `Program` next to the app's WebApplicationFactory<Program>.
internal static class BenchProgram
{
    private const string Usage = """
        usage (through bench/run.sh, which builds first and stamps the commit):
          coverage [BenchmarkDotNet options] | elders [--sqlite-only] | services [--rounds n] | intake [--rate 200] [--seconds 30]
          | chaos [--kills 20] [--workers 8] [--seed n] | sync-cost [--commits 1000] | assessments [BenchmarkDotNet options]
          | subsidies [--rounds 10] | reports [--rounds n] | todo [--rounds n] | pages [--rounds 5] | reach [--rounds 5]
          | cluster [--rate 1000] [--seconds 60]
          | intake-cpu [--alarms 5000] [--devices 2000] [--clients 16]
          | municipal [--scales 1,4,16]
          diagnostics (print only): generate | verify | explain | shapes;  [--db file] runs coverage or a diagnostic on another database
        """;

    public static async Task<int> Main(string[] args)
    {
        Results.Start();
        var db = (Option(args, "--db") ?? Environment.GetEnvironmentVariable("ELDERCARE_BENCH_DB")) is { Length: > 0 } path ? Path.GetFullPath(path)
            : null;
        switch (args)
        {
            case ["coverage", ..]:
                var rest = args[1..].ToList();
                if (rest.IndexOf("--db") is var i and >= 0) rest.RemoveRange(i, Math.Min(2, rest.Count - i));
                return await BenchRun.RunAsync([.. rest], db);
            case ["elders", ..]:
                // Elder registry at 300,000: import, exact lookup and a filtered list on SQLite and PostgreSQL.
                return await ElderRegistryBench.RunAsync(args[1..]);
            case ["services", ..]:
                // Dispatch suggestion, a provider's order list, the month's verified-visit report.
                return await ServicesBench.RunAsync(db, Int(args, "--rounds", Results.Size(30, 3)));
            case ["reports", ..]:
                // Reports: a quarter's reports for the 1,030 units of the city (< 10 s) and the bulletin (< 5 s), checked against SQL.
                return await ReportsBench.RunAsync(db, Int(args, "--rounds", Results.Size(5, 2)));
            case ["todo", ..]:
                // Tasks: the to-do count of the header badge at 300,000 elders (goal < 50 ms median), against hand-written SQL.
                return await TodoBench.RunAsync(Int(args, "--rounds", Results.Size(30, 3)));
            case ["reach", ..]:
                // 二(四) the 15-minute circle at city scale: walks by straight line (< 2 s) and over a road network (< 30 s), site selection (< 60 s).
                return ReachBench.Run(Int(args, "--rounds", Results.Size(5, 2)));
            case ["tiles", ..]:
                // The base map's tiles over HTTP from the app in process (median < 10 ms), against the blob read straight from SQLite.
                return await TilesBench.RunAsync(Int(args, "--rounds", Results.Size(5, 1)));
            case ["pages", ..]:
                // Page load in the browser (every page < 300 ms, the dashboard < 500 ms; median of 5 warm loads).
                return await PagesBench.RunAsync(Int(args, "--rounds", Results.Size(5, 2)));
            case ["intake", ..]:
                // Alarm intake over HTTP against the app as its own process (QUALITY P4: p99 < 100 ms at 200/s on SQLite).
                return await AlarmLoad.IntakeAsync(Int(args, "--rate", Results.Size(200, 50)), Int(args, "--seconds", Results.Size(30, 3)));
            case ["cluster", ..]:
                // ADR 32: alarm intake through nginx to two nodes on PostgreSQL (deploy/cluster.sh), p99 < 100 ms at 1,000/s.
                return await ClusterLoad.RunAsync(Int(args, "--rate", Results.Size(1000, 100)), Int(args, "--seconds", Results.Size(60, 3)));
            case ["intake-cpu", ..]:
                // ADR 32: node CPU per alarm on one node on PostgreSQL with Redis, against GET /health.
                return await IntakeCpu.RunAsync(Int(args, "--alarms", Results.Size(5000, 500)), Int(args, "--devices", 2000),
                    Int(args, "--clients", 16));
            case ["chaos", ..]:
                // QUALITY R1: SIGKILL the app at random moments while alarms arrive; every 2xx must be stored exactly once.
                return await AlarmLoad.ChaosAsync(Int(args, "--kills", Results.Size(AlarmLoad.RequiredKills, 2)), Int(args, "--workers", 8),
                    Int(args, "--seed", Environment.TickCount));
            case ["sync-cost", ..]:
                // SQLite WAL: the cost per commit of synchronous=FULL against NORMAL on this disk (ADR 11).
                return await AlarmLoad.SyncCostAsync(Int(args, "--commits", Results.Size(1000, 100)));
            case ["assessments", ..]:
                // GB/T 42195-2022 scoring (goal: ≥ 1,000,000 forms per second).
                return AssessmentBenchmarks.Run(args[1..]);
            case ["subsidies", ..]:
                // A year's subsidies and fees (三(二)(三)) at city scale on SQLite and PostgreSQL (goal: < 5 s each).
                return await SubsidiesBench.RunAsync(Int(args, "--rounds", Results.Size(10, 2)));
            case ["municipal", ..]:
                // Municipal scale on PostgreSQL (ADR 32): 1×, 4×, 16× of Chongqing's 7,000,000 elders; lookup, list, coverage, dispatch, import.
                return await MunicipalBench.RunAsync(args[1..]);
            case ["generate", ..]:
                var file = await CityGenerator.EnsureAsync(db, Console.Out);
                foreach (var (table, rows) in await CityGenerator.DescribeAsync(file)) Console.WriteLine($"{table}: {rows}");
                return 0;
            case ["verify", ..]:
                await using (var app = await CityApp.StartAsync(Console.Out, databaseFile: db))
                    foreach (var k in app.Verified!.Kpis) Console.WriteLine($"  {k.Key} = {k.Value:0.####} (target {k.Target}, met {k.Met})");
                return 0;
            case ["explain", ..]:
                var log = new QueryLog();
                await using (var app = await CityApp.StartAsync(Console.Out, log.AddTo, db))
                {
                    foreach (var url in new[] { CityApp.CoverageUrl, CityApp.KpisUrl })
                        Console.WriteLine(await QueryLog.ExplainAsync(app, log, url));
                }
                return 0;
            case ["shapes", ..]:
                Console.WriteLine(await QueryShapes.RunAsync(db ?? await CityGenerator.EnsureAsync(log: Console.Out)));
                return 0;
            default:
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }

    /// <summary>The in-process BenchmarkDotNet job every BenchmarkDotNet benchmark here runs with; quick mode shortens it.</summary>
    public static Job InProcessJob(int warmups, int iterations)
    {
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithId("in-process")
            .WithWarmupCount(warmups).WithIterationCount(iterations);
        return Results.Quick ? job.WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(100)) : job;
    }

    private static int Int(string[] args, string name, int fallback) =>
        Option(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
