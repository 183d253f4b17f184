using System.Diagnostics;
using Google.OrTools.LinearSolver;

namespace ElderCare.Web.Features.Map;

/// <summary>
/// 选址建议 — where the next stations or points go: the maximal covering location problem (Church and ReVelle, 1974).
/// Choose at most k candidate sites so that the weight of the demand they bring inside the 15-minute circle is largest
/// (a demand counts once however many chosen sites reach it). Demand is what no existing facility reaches yet; the
/// caller weights priority elders higher. Solved exactly as a MIP (SCIP through Google OR-Tools) within a time limit,
/// starting from the greedy answer, which is always shown beside it with the gap to the solver's proven bound.
/// </summary>
public static class SiteSelection
{
    /// <summary>Demand weights and, per candidate site, the demands it reaches; at most <see cref="Sites"/> to choose.</summary>
    public sealed record Problem(IReadOnlyList<long> Weights, IReadOnlyList<int[]> Reaches, int Sites);

    /// <summary>The sites chosen (candidate positions, ascending) and the weight they reach together.</summary>
    public sealed record Choice(IReadOnlyList<int> Sites, long Reached);

    /// <summary>
    /// The best choice found, the greedy one, and the proven upper bound (equal to <c>Best.Reached</c> when
    /// <see cref="Optimal"/>); <see cref="Solver"/> says what answered ("SCIP", or "greedy" when it is unavailable).
    /// </summary>
    public sealed record Result(Choice Best, Choice Greedy, long Bound, bool Optimal, string Solver, TimeSpan Elapsed)
    {
        /// <summary>(bound − best) / bound: how far from the optimum the best choice can at most be.</summary>
        public double Gap => Bound <= 0 ? 0 : (Bound - Best.Reached) / (double)Bound;

        /// <summary>What the solver adds over the greedy answer, as a share of the greedy answer.</summary>
        public double GainOverGreedy => Greedy.Reached <= 0 ? 0 : (Best.Reached - Greedy.Reached) / (double)Greedy.Reached;
    }

    /// <summary>
    /// The same problem with demands merged that the same set of candidates reaches (their weights added) and demands no
    /// candidate reaches dropped: the answer is unchanged, the model far smaller (300,000 homes become a few thousand).
    /// </summary>
    public static Problem Aggregate(IReadOnlyList<long> weights, IReadOnlyList<int[]> reaches, int sites)
    {
        var reachedBy = new List<int>?[weights.Count];
        for (var c = 0; c < reaches.Count; c++)
            foreach (var d in reaches[c]) (reachedBy[d] ??= []).Add(c);
        var groups = new Dictionary<int[], int>(Signature.Comparer);
        var merged = new List<long>();
        var groupReaches = Enumerable.Range(0, reaches.Count).Select(_ => new List<int>()).ToList();
        for (var d = 0; d < weights.Count; d++)
        {
            if (reachedBy[d] is not { } by || weights[d] == 0) continue;
            var key = by.Distinct().ToArray(); // ascending: candidates were visited in order
            if (groups.TryGetValue(key, out var g))
            {
                merged[g] += weights[d];
                continue;
            }
            g = merged.Count;
            groups.Add(key, g);
            merged.Add(weights[d]);
            foreach (var c in key) groupReaches[c].Add(g);
        }
        return new Problem(merged, groupReaches.Select(r => r.ToArray()).ToList(), sites);
    }

    /// <summary>
    /// Greedy: take the site that adds the most weight, k times (lazily re-evaluated: a site's gain only falls as others
    /// are taken); ties go to the lower candidate position.
    /// </summary>
    public static Choice Greedy(Problem problem)
    {
        var reached = new bool[problem.Weights.Count];
        var queue = new PriorityQueue<int, (long Gain, int Site)>(Comparer<(long Gain, int Site)>.Create(
            (a, b) => a.Gain != b.Gain ? b.Gain.CompareTo(a.Gain) : a.Site.CompareTo(b.Site)));
        for (var c = 0; c < problem.Reaches.Count; c++) queue.Enqueue(c, (Gain(c), c));
        var chosen = new List<int>();
        long total = 0;
        while (chosen.Count < problem.Sites && queue.TryDequeue(out var site, out _))
        {
            var gain = Gain(site);
            if (gain <= 0) break;
            if (queue.TryPeek(out _, out var next) && (gain < next.Gain || (gain == next.Gain && site > next.Site)))
            {
                queue.Enqueue(site, (gain, site)); // its gain fell below another's: look again later
                continue;
            }
            chosen.Add(site);
            total += gain;
            foreach (var d in problem.Reaches[site]) reached[d] = true;
        }
        chosen.Sort();
        return new Choice(chosen, total);

        long Gain(int c)
        {
            long g = 0;
            foreach (var d in problem.Reaches[c])
                if (!reached[d]) g += problem.Weights[d];
            return g;
        }
    }

    /// <summary>The weight the sites reach together (each demand once).</summary>
    public static long Reached(Problem problem, IEnumerable<int> sites)
    {
        var reached = new HashSet<int>();
        foreach (var s in sites) reached.UnionWith(problem.Reaches[s]);
        return reached.Sum(d => problem.Weights[d]);
    }

    /// <summary>
    /// Exact within <paramref name="timeLimit"/>: the mixed-integer programme max Σ wᵢyᵢ subject to yᵢ ≤ Σ_{j reaches i} xⱼ,
    /// Σ xⱼ ≤ k, x binary, 0 ≤ y ≤ 1 (y need not be declared integer: at an optimum yᵢ = min(1, Σ xⱼ)), by SCIP through
    /// OR-Tools, hinted with the greedy answer. Its LP bound is tight on maps like ours: 10,000 candidates and 300,000 elders
    /// are proven optimal in seconds where CP-SAT, tried first, left an 80 % gap after 50 s (bench/NOTES.md). Where the
    /// solver's native library is missing on this platform the greedy answer stands, with the bound "the k largest
    /// single-site reaches together".
    /// </summary>
    public static Result Solve(Problem problem, TimeSpan timeLimit)
    {
        var watch = Stopwatch.StartNew();
        var greedy = Greedy(problem);
        try
        {
            return SolveExactly(problem, greedy, timeLimit, watch);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            return GreedyOnly(problem, greedy, watch);
        }
    }

    private static Result GreedyOnly(Problem problem, Choice greedy, Stopwatch watch)
    {
        var bound = Math.Min(problem.Weights.Sum(),
            problem.Reaches.Select(r => r.Sum(d => problem.Weights[d])).OrderDescending().Take(problem.Sites).Sum());
        return new Result(greedy, greedy, bound, bound == greedy.Reached, "greedy", watch.Elapsed);
    }

    private static Result SolveExactly(Problem problem, Choice greedy, TimeSpan timeLimit, Stopwatch watch)
    {
        using var solver = Solver.CreateSolver("SCIP");
        if (solver is null) return GreedyOnly(problem, greedy, watch);
        var x = problem.Reaches.Select((_, c) => solver.MakeBoolVar($"x{c}")).ToArray();
        var y = problem.Weights.Select((_, d) => solver.MakeNumVar(0, 1, $"y{d}")).ToArray();
        var rows = y.Select(v =>
        {
            var row = solver.MakeConstraint(double.NegativeInfinity, 0);
            row.SetCoefficient(v, 1);
            return row;
        }).ToArray();
        for (var c = 0; c < x.Length; c++)
            foreach (var d in problem.Reaches[c]) rows[d].SetCoefficient(x[c], -1);
        var count = solver.MakeConstraint(0, problem.Sites);
        foreach (var v in x) count.SetCoefficient(v, 1);
        var objective = solver.Objective();
        for (var d = 0; d < y.Length; d++) objective.SetCoefficient(y[d], problem.Weights[d]);
        objective.SetMaximization();
        var hinted = new HashSet<int>(greedy.Sites);
        solver.SetHint(x, x.Select((_, c) => hinted.Contains(c) ? 1.0 : 0.0).ToArray());
        solver.SetTimeLimit((long)Math.Max(100, timeLimit.TotalMilliseconds - watch.Elapsed.TotalMilliseconds));
        var status = solver.Solve();
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE)) return GreedyOnly(problem, greedy, watch);
        var bound = (long)Math.Floor(objective.BestBound() + 1e-6);
        var sites = Enumerable.Range(0, x.Length).Where(c => x[c].SolutionValue() > 0.5).ToList();
        var best = new Choice(sites, Reached(problem, sites));
        if (best.Reached < greedy.Reached) best = greedy;
        return new Result(best, greedy, Math.Max(bound, best.Reached),
            status == Solver.ResultStatus.OPTIMAL, "SCIP", watch.Elapsed);
    }

    /// <summary>Equality of candidate lists, for merging demands.</summary>
    private sealed class Signature : IEqualityComparer<int[]>
    {
        public static readonly Signature Comparer = new();

        public bool Equals(int[]? a, int[]? b) => a.AsSpan().SequenceEqual(b);

        public int GetHashCode(int[] a)
        {
            var hash = new HashCode();
            foreach (var c in a) hash.Add(c);
            return hash.ToHashCode();
        }
    }
}
