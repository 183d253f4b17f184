using System.Globalization;
using System.Text;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Microsoft.Data.Sqlite;

namespace ElderCare.Bench;

/// <summary>Coverage and KPIs at city scale: runs the benchmarks in this process and writes the coverage section of bench/RESULTS.md.</summary>
public static class BenchRun
{
    /// <summary>The goal of the issue: each endpoint under this median, and within <see cref="MaxRatio"/> of its baseline.</summary>
    public const double GoalMs = 150;

    public const double MaxRatio = 3;

    public static async Task<int> RunAsync(string[] benchmarkArgs, string? databaseFile)
    {
        CityApp.SharedDatabaseFile = databaseFile;
        var file = await CityGenerator.EnsureAsync(databaseFile, Console.Out);
        var iterations = int.Parse(Environment.GetEnvironmentVariable("BENCH_ITERATIONS") ?? Results.Size("20", "3"), CultureInfo.InvariantCulture);
        var warmups = int.Parse(Environment.GetEnvironmentVariable("BENCH_WARMUPS") ?? Results.Size("5", "1"), CultureInfo.InvariantCulture);
        var artifacts = Environment.GetEnvironmentVariable("BENCH_ARTIFACTS") ?? "/tmp/bench-artifacts/BenchmarkDotNet.Artifacts";

        // In-process: the app, the baselines and the timing share one process and one run, as the goal asks.
        var config = DefaultConfig.Instance.AddJob(BenchProgram.InProcessJob(warmups, iterations))
            .AddColumn(StatisticColumn.Median, StatisticColumn.P95)
            .WithArtifactsPath(artifacts)
            .WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(Perfolizer.Horology.TimeUnit.Millisecond));
        var summary = BenchmarkRunner.Run<CoverageBenchmarks>(config, benchmarkArgs);

        var city = await CityApp.SharedAsync();
        var interleaved = await InterleavedAsync(city, Rounds);
        var text = await RenderAsync(summary, city, file, warmups, iterations, interleaved);
        await CityApp.DisposeSharedAsync();
        if (summary.Reports.Length == 0 || summary.Reports.Any(r => !r.Success))
        {
            Console.Error.WriteLine("Some benchmarks failed; the coverage section was left unchanged.");
            return 1;
        }
        Results.Write("coverage",
            $"`{Path.GetRelativePath(BenchPaths.Repo, file)}`, `CityGenerator` v{CityGenerator.Version}, seed {CityGenerator.Seed} " +
            "(Chongqing 2020 shape, 12,232 regions, 12,000 facilities; table below)", text);
        return 0;
    }

    private static async Task<string> RenderAsync(Summary summary, CityApp city, string file, int warmups, int iterations,
        IReadOnlyDictionary<string, double> interleaved)
    {
        var reports = summary.Reports.ToDictionary(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name);
        double? Median(string method) => reports.TryGetValue(method, out var r) && r.ResultStatistics is { } s ? s.Median / 1e6 : null;

        var md = new StringBuilder();
        md.AppendLine($"BenchmarkDotNet {typeof(BenchmarkRunner).Assembly.GetName().Version?.ToString(3)}, in-process toolchain " +
            $"({warmups} warm-up and {iterations} measured iterations per benchmark; each iteration averages as many calls as fill " +
            $"~{(Results.Quick ? "0.1" : "0.5")} s). Times are medians of the iteration means.");
        md.AppendLine();

        md.AppendLine("### Goal: each endpoint < 150 ms median and ≤ 3× its hand-written SQL baseline, same run");
        md.AppendLine();
        md.AppendLine("| endpoint (as of " + CityApp.AsOf + ") | app median | baseline median | ratio app/baseline | < 150 ms | ≤ 3× | result |");
        md.AppendLine("|---|---:|---:|---:|:-:|:-:|:-:|");
        var allPass = true;
        var complete = true;
        foreach (var (label, app, baseline) in new[] { ("GET /api/coverage", "CoverageApi", "CoverageSql"), ("GET /api/kpis", "KpisApi", "KpisSql") })
        {
            var a = Median(app);
            var b = Median(baseline);
            if (a is null || b is null)
            {
                md.AppendLine($"| `{label}` | not run (filtered out) | | | | | |");
                complete = false;
                continue;
            }
            var ratio = a / b;
            var fast = a < GoalMs;
            var close = ratio <= MaxRatio;
            var pass = fast && close;
            allPass &= pass;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| `{label}` | {Ms(a)} | {Ms(b)} | {ratio:F2}× | {Mark(fast)} | {Mark(close)} | **{Results.Verdict(pass)}** |");
        }
        md.AppendLine();
        md.AppendLine($"Overall: **{(!complete ? "incomplete (filtered run)" : Results.Verdict(allPass))}**.");
        md.AppendLine();

        md.AppendLine($"Interleaved check, same process after the BenchmarkDotNet run: {Rounds} rounds calling app and baseline in " +
            "turn (order rotating), so both meet the same background load; median per call: " +
            $"coverage {Ms(interleaved["CoverageApi"])} vs {Ms(interleaved["CoverageSql"])} " +
            $"({interleaved["CoverageApi"] / interleaved["CoverageSql"]:F2}×), " +
            $"KPIs {Ms(interleaved["KpisApi"])} vs {Ms(interleaved["KpisSql"])} ({interleaved["KpisApi"] / interleaved["KpisSql"]:F2}×).");
        md.AppendLine();

        md.AppendLine("### All benchmarks");
        md.AppendLine();
        md.AppendLine("| category | benchmark | median | mean | P95 | StdDev | allocated/op | median vs category baseline |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in summary.Reports.OrderBy(r => r.BenchmarkCase.Descriptor.Categories.FirstOrDefault())
                     .ThenBy(r => r.BenchmarkCase.Descriptor.WorkloadMethod.MetadataToken))
        {
            var d = r.BenchmarkCase.Descriptor;
            var s = r.ResultStatistics;
            var category = d.Categories.FirstOrDefault() ?? "";
            var baseline = summary.Reports.FirstOrDefault(b =>
                b.BenchmarkCase.Descriptor.Baseline && b.BenchmarkCase.Descriptor.Categories.FirstOrDefault() == category);
            var ratio = s is null || baseline?.ResultStatistics is null ? ""
                : (s.Median / baseline.ResultStatistics.Median).ToString("F2", CultureInfo.InvariantCulture) + "×";
            var allocated = r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase);
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {category} | {d.WorkloadMethodDisplayInfo} | {Ms(s?.Median / 1e6)} | {Ms(s?.Mean / 1e6)} | {Ms(s?.Percentiles.P95 / 1e6)} | " +
                $"{Ms(s?.StandardDeviation / 1e6)} | {(allocated is { } bytes ? Bytes(bytes) : "")} | {ratio} |");
        }
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"SQLite (Microsoft.Data.Sqlite bundle): {await SqliteVersionAsync(city.BaselineConnection)}.");
        md.AppendLine();

        md.AppendLine("### Data");
        md.AppendLine();
        md.AppendLine($"`{Path.GetRelativePath(BenchPaths.Repo, file)}` — `CityGenerator` v{CityGenerator.Version}, seed {CityGenerator.Seed}: " +
            "Chongqing 2020 shape (38 districts; Rongchang's 1 district, 6 streets and 15 towns come from the app's own seed, " +
            "the rest are synthetic).");
        md.AppendLine();
        md.AppendLine("| table | rows |");
        md.AppendLine("|---|---|");
        foreach (var (table, rows) in await CityGenerator.DescribeAsync(file)) md.AppendLine($"| {table} | {rows} |");
        md.AppendLine();

        var v = city.Verified!;
        md.AppendLine("### Checked before timing");
        md.AppendLine();
        md.AppendLine($"The baselines gave exactly the app's numbers: required / planned / operating for {v.Units:N0} units × 4 types, " +
            $"covered, and every gap (type, kind, missing); and all {v.Kpis.Count} KPI values, targets, deadlines and met flags. " +
            $"On {CityApp.AsOf}: {v.CoveredUnits} units fully covered, {v.Gaps:N0} gaps. " +
            $"Response sizes: coverage {v.CoverageJsonBytes / 1024.0:F0} KiB, KPIs {v.KpisJsonBytes / 1024.0:F1} KiB of JSON.");
        md.AppendLine();
        md.AppendLine("| KPI | value | target | met |");
        md.AppendLine("|---|---:|---:|:-:|");
        foreach (var k in v.Kpis)
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {k.Key} | {(k.Value is { } x ? Math.Round(x, 4).ToString(CultureInfo.InvariantCulture) : "—")} | {k.Target} | {Mark(k.Met)} |");
        return md.ToString();
    }

    private static int Rounds => Results.Size(60, 5);

    /// <summary>Median time per call of the two endpoints and their baselines, called in turn (paired under the same noise).</summary>
    private static async Task<Dictionary<string, double>> InterleavedAsync(CityApp city, int rounds)
    {
        (string Name, Func<Task> Call)[] calls =
        [
            ("CoverageApi", () => city.GetAsync(CityApp.CoverageUrl)),
            ("CoverageSql", () => BaselineSql.CoverageAsync(city.BaselineConnection, CityApp.AsOf)),
            ("KpisApi", () => city.GetAsync(CityApp.KpisUrl)),
            ("KpisSql", () => BaselineSql.KpisAsync(city.BaselineConnection, CityApp.AsOf)),
        ];
        var times = await Results.InterleavedAsync(calls, 5, rounds);
        return times.ToDictionary(t => t.Key, t => QueryLog.Median(t.Value));
    }

    private static async Task<string> SqliteVersionAsync(string connection)
    {
        await using var conn = new SqliteConnection(connection);
        await conn.OpenAsync();
        return conn.ServerVersion;
    }

    private static string Ms(double? ms) => Results.Ms(ms);

    private static string Bytes(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " MiB"
        : (bytes / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " KiB";

    private static string Mark(bool ok) => Results.Mark(ok);
}
