using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using System.Text;
using ElderCare.Web.Features.Assessments;

namespace ElderCare.Bench;

/// <summary>
/// GB/T 42195-2022 scoring throughput. Goal: ≥ 1,000,000 forms/second. Each invocation scores 1,000,000 random valid
/// forms generated once with a fixed seed (26 scores each, plus coma / mental-disorder flags and 0–3 risk events), so
/// BenchmarkDotNet's time per operation is the time per form; the "forms/s" column is its inverse.
/// The dictionary case is the shape the API receives (code → score). It cycles through a pool of 65,536 dictionaries,
/// each with its own key strings as JSON would give it, because a million dictionaries would take about 2 GB.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(FormsPerSecondConfig))]
public class AssessmentBenchmarks
{
    /// <summary>The goal: forms scored per second by each scorer.</summary>
    public const double GoalFormsPerSecond = 1_000_000;

    /// <summary>Runs both scorers with BenchmarkDotNet (in-process) and writes the assessments section of RESULTS.md.</summary>
    public static int Run(string[] benchmarkArgs)
    {
        var config = DefaultConfig.Instance.AddJob(BenchProgram.InProcessJob(3, 10))
            .WithArtifactsPath(Environment.GetEnvironmentVariable("BENCH_ARTIFACTS") ?? "/tmp/bench-artifacts/BenchmarkDotNet.Artifacts");
        var summary = BenchmarkRunner.Run<AssessmentBenchmarks>(config, benchmarkArgs);
        if (summary.Reports.Length == 0 || summary.Reports.Any(r => !r.Success || r.ResultStatistics is null))
        {
            Console.Error.WriteLine("A scoring benchmark failed; the assessments section was left unchanged.");
            return 1;
        }
        var baseline = summary.Reports.Single(r => r.BenchmarkCase.Descriptor.Baseline).ResultStatistics!.Median;
        var md = new StringBuilder()
            .AppendLine("BenchmarkDotNet, in-process, 3 warm-up and 10 measured iterations (quick mode: 1 and 3); each operation scores " +
                $"{Forms:N0} forms, so the time per form is the median iteration time divided by {Forms:N0}. Both scorers were checked " +
                $"to give the same level for each of {DictionaryPool:N0} forms before timing.")
            .AppendLine()
            .AppendLine("| scorer | median per form | forms/s | allocated per form | ratio to the span scorer | ≥ 1,000,000 forms/s |")
            .AppendLine("|---|---:|---:|---:|---:|:-:|");
        var pass = true;
        foreach (var r in summary.Reports)
        {
            var median = r.ResultStatistics!.Median;
            var perSecond = 1e9 / median;
            pass &= perSecond >= GoalFormsPerSecond;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo} | {median:F1} ns | {perSecond:N0} | " +
                $"{r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? 0} B | {median / baseline:F2}× | " +
                $"{Results.Mark(perSecond >= GoalFormsPerSecond)} |");
        }
        md.AppendLine().AppendLine($"Overall: **{Results.Verdict(pass)}**.");
        Results.Write("assessments",
            $"{Forms:N0} random valid forms (seed {Seed}; 26 item scores, coma and mental-disorder flags, 0–3 risk events), " +
            $"{DictionaryPool:N0} code → score dictionaries", md.ToString());
        return pass || Results.Quick ? 0 : 1;
    }

    public const int Forms = 1_000_000;
    public const int DictionaryPool = 1 << 16;
    public const int Seed = 20221012;

    private byte[] _scores = null!;
    private byte[] _flags = null!;
    private Dictionary<string, int>[] _dictionaries = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(Seed);
        var items = CapabilityForm.Items;
        _scores = new byte[Forms * CapabilityForm.ItemCount];
        _flags = new byte[Forms];
        for (var f = 0; f < Forms; f++)
        {
            for (var i = 0; i < items.Count; i++) _scores[f * CapabilityForm.ItemCount + i] = (byte)random.Next(items[i].MaxScore + 1);
            // bit 0 coma (~1 %), bit 1 diagnosed mental disorder (~15 %), bits 2–3 risk events in the last 30 days (0–3).
            _flags[f] = (byte)((random.Next(100) == 0 ? 1 : 0) | (random.Next(100) < 15 ? 2 : 0) | (random.Next(4) << 2));
        }
        _dictionaries = new Dictionary<string, int>[DictionaryPool];
        for (var d = 0; d < DictionaryPool; d++)
        {
            var form = new Dictionary<string, int>(CapabilityForm.ItemCount, StringComparer.Ordinal);
            for (var i = 0; i < items.Count; i++) form[new string(items[i].Code.AsSpan())] = _scores[d * CapabilityForm.ItemCount + i];
            _dictionaries[d] = form;
        }
        // Both cases must agree before anything is timed.
        for (var d = 0; d < DictionaryPool; d++)
        {
            var (coma, disorder, risk) = Flags(d);
            if (CapabilityAssessment.Score(Form(d), coma, disorder, risk) != CapabilityAssessment.Score(_dictionaries[d], coma, disorder, risk))
                throw new InvalidOperationException($"Form {d}: the span and dictionary scorers disagree.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Forms, Description = "CapabilityAssessment.Score(span) per form")]
    public int ScoreSpan()
    {
        var levels = 0;
        for (var f = 0; f < Forms; f++)
        {
            var (coma, disorder, risk) = Flags(f);
            levels += CapabilityAssessment.Score(Form(f), coma, disorder, risk).Level;
        }
        return levels;
    }

    [Benchmark(OperationsPerInvoke = Forms, Description = "CapabilityAssessment.Score(dictionary) per form")]
    public int ScoreDictionary()
    {
        var levels = 0;
        for (var f = 0; f < Forms; f++)
        {
            var (coma, disorder, risk) = Flags(f);
            levels += CapabilityAssessment.Score(_dictionaries[f & (DictionaryPool - 1)], coma, disorder, risk).Level;
        }
        return levels;
    }

    private ReadOnlySpan<byte> Form(int f) => _scores.AsSpan(f * CapabilityForm.ItemCount, CapabilityForm.ItemCount);

    private (bool Coma, bool Disorder, int RiskEvents) Flags(int f)
    {
        var b = _flags[f];
        return ((b & 1) != 0, (b & 2) != 0, b >> 2);
    }

    private sealed class FormsPerSecondConfig : ManualConfig
    {
        public FormsPerSecondConfig() => AddColumn(new FormsPerSecondColumn());
    }

    /// <summary>1 / (mean time per operation); with OperationsPerInvoke = forms, that is forms per second.</summary>
    private sealed class FormsPerSecondColumn : IColumn
    {
        public string Id => nameof(FormsPerSecondColumn);
        public string ColumnName => "forms/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Forms scored per second (1 / mean time per form)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
            summary[benchmarkCase]?.ResultStatistics is { Mean: > 0 } s ? (1e9 / s.Mean).ToString("N0", CultureInfo.InvariantCulture) : "-";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
