using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
namespace ElderCare.Bench;

// Not top-level statements: those would declare a second `Program` next to the app's WebApplicationFactory<Program>.
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var db = (Option(args, "--db") ?? Environment.GetEnvironmentVariable("ELDERCARE_BENCH_DB")) is { Length: > 0 } path ? Path.GetFullPath(path) : null;
        switch (args)
        {
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
            case [] or ["run", ..]:
                var rest = args.SkipWhile(a => a == "run").ToList();
                if (rest.IndexOf("--db") is var i and >= 0) rest.RemoveRange(i, Math.Min(2, rest.Count - i));
                return await BenchRun.RunAsync([.. rest], db);
            case ["services", ..]:
                // Issue 5: dispatch, a provider's order list, the month's verified-visit report (writes its own RESULTS.md section).
                return await ServicesBench.RunAsync(db, int.Parse(Option(args, "--rounds") ?? "30", System.Globalization.CultureInfo.InvariantCulture));
            case ["assessments", ..]:
                // GB/T 42195-2022 scoring micro-benchmark (issue 4: ≥ 1,000,000 forms per second).
                BenchmarkDotNet.Running.BenchmarkRunner.Run<AssessmentBenchmarks>(
                    BenchmarkDotNet.Configs.DefaultConfig.Instance.AddJob(BenchmarkDotNet.Jobs.Job.Default
                        .WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance).WithId("in-process")),
                    args[1..]);
                return 0;
            case ["elders", ..]:
                // Elder registry at 300,000 (issue 4): import, exact lookup and a filtered list on SQLite and PostgreSQL.
                return await ElderRegistryBench.RunAsync(args[1..]);
            case ["intake", ..]:
                // Alarm intake over HTTP against the app as its own process (QUALITY P4: p99 < 100 ms at 200/s on SQLite).
                return await AlarmLoad.IntakeAsync(double.Parse(Option(args, "--rate") ?? "200"), int.Parse(Option(args, "--seconds") ?? "30"), Console.Out);
            case ["sync-cost", ..]:
                // SQLite WAL: the cost per commit of synchronous=FULL against NORMAL on this disk.
                return await AlarmLoad.SyncCostAsync(int.Parse(Option(args, "--commits") ?? "1000"), Console.Out);
            case ["chaos", ..]:
                // QUALITY R1: SIGKILL the app at random moments while alarms arrive; every 2xx must be stored exactly once.
                return await AlarmLoad.ChaosAsync(int.Parse(Option(args, "--kills") ?? "20"), int.Parse(Option(args, "--workers") ?? "8"),
                    int.Parse(Option(args, "--seed") ?? Environment.TickCount.ToString(System.Globalization.CultureInfo.InvariantCulture)), Console.Out);
            default:
                Console.Error.WriteLine("usage: ElderCare.Bench [run [BenchmarkDotNet options]] | generate | verify | explain | shapes | assessments | elders [--sqlite-only] | intake [--rate 200] [--seconds 30] | chaos [--kills 20] [--workers 8] [--seed n] | services [--rounds n]   [--db file]");
                return 2;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
