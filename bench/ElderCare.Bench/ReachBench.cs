using System.Diagnostics;
using System.Globalization;
using System.Text;
using ElderCare.Web.Features.Map;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Bench;

/// <summary>
/// 二(四) 一刻钟便捷养老服务圈 at city scale, on synthetic data generated in memory from a fixed seed: 300,000 elders and
/// 12,000 facilities in 1,000 settlements across a Chongqing-sized box. Goals: the walk from every home to the nearest
/// facility by straight line × detour under 2 s; over a grid road network of 200,000 ways under 30 s; site selection
/// (k = 20 of 10,000 candidate sites, demand = the elders outside every existing facility's circle) under 60 s with the gap
/// to the bound and the gain over greedy. Baselines, checked equal before timing: a scan of every facility for a sample
/// of homes (straight line); a search from each sampled home alone (network); the chosen sites' reach recounted on the
/// unmerged elders (site selection).
/// </summary>
public static class ReachBench
{
    private const int Seed = 20261203;
    private static readonly int Elders = Results.Size(300_000, 20_000), Facilities = Results.Size(12_000, 800);
    private static readonly int Candidates = Results.Size(10_000, 600), Sample = Results.Size(2_000, 200), Settlements = Results.Size(1_000, 60);
    private static readonly int Side = Results.Size(317, 80); // junctions per side: 317² junctions, 2·317·316 ≈ 200,000 ways
    private const int K = 20;
    private const double Spacing = 100; // metres between junctions
    private static readonly TimeSpan SolverLimit = TimeSpan.FromSeconds(50);

    public static int Run(int rounds)
    {
        var rule = WalkingRule.Default;
        var random = new Random(Seed);
        var (elderLat, elderLng) = Clustered(random, Elders, 29.0, 105.3, 3.0, 4.5);
        var (facilityLat, facilityLng) = Clustered(random, Facilities, 29.0, 105.3, 3.0, 4.5);
        var body = new StringBuilder();
        var missed = 0;

        // 1. Straight line × detour.
        var index = new PointIndex(facilityLat, facilityLng);
        var walks = Reach.Walks(elderLat, elderLng, index, rule);
        var sample = Enumerable.Range(0, Sample).Select(_ => random.Next(Elders)).ToArray();
        var scanWatch = Stopwatch.StartNew();
        foreach (var e in sample)
        {
            var scan = double.PositiveInfinity;
            for (var f = 0; f < Facilities; f++) scan = Math.Min(scan, Geo.DistanceMeters(elderLat[e], elderLng[e], facilityLat[f], facilityLng[f]));
            if (rule.WalkFromStraight(scan) != walks[e]) throw new InvalidOperationException($"straight line: elder {e} {walks[e]} ≠ scan {scan}");
        }
        var scanPerHome = scanWatch.Elapsed.TotalMilliseconds / Sample;
        var straight = Time(rounds, () => Reach.Walks(elderLat, elderLng, new PointIndex(facilityLat, facilityLng), rule));
        var within = walks.Count(rule.InCircle);
        missed += Row(body, "walk to the nearest facility, straight line × 1.3 (index built each round)", straight, 2_000,
            $"scan of all {Facilities:N0} facilities: {scanPerHome:F3} ms per home, {scanPerHome * Elders / 1000:F0} s for all " +
            $"({scanPerHome * Elders / straight:F0}× slower); {Sample:N0} homes checked equal");

        // 2. Over a road network: a grid of ways around the first settlement, elders and facilities inside it.
        var (netLat, netLng, ways) = Grid(29.3, 105.5, Side);
        var network = new RoadNetwork(netLat, netLng, ways);
        var box = (South: 29.3, West: 105.5, North: netLat[^1], East: netLng[^1]);
        var (homeLat, homeLng) = Uniform(random, Elders, box);
        var (siteLat, siteLng) = Uniform(random, Facilities, box);
        var networkWalks = Reach.Walks(homeLat, homeLng, siteLat, siteLng, network);
        var siteJunctions = Enumerable.Range(0, Facilities).Select(f => network.Junctions.Nearest(siteLat[f], siteLng[f])!.Value).ToArray();
        var networkSample = sample.Take(Results.Size(200, 20)).ToArray();
        var aloneWatch = Stopwatch.StartNew();
        foreach (var e in networkSample)
        {
            var home = network.Junctions.Nearest(homeLat[e], homeLng[e])!.Value;
            var fromHome = network.WalkFrom([(home.Id, home.Meters)]);
            var alone = siteJunctions.Min(j => fromHome[j.Id] + j.Meters);
            if (Math.Abs(alone - networkWalks[e]) > 1e-6) throw new InvalidOperationException($"network: elder {e} {networkWalks[e]} ≠ {alone}");
        }
        var alonePerHome = aloneWatch.Elapsed.TotalMilliseconds / networkSample.Length;
        var overNetwork = Time(rounds, () => Reach.Walks(homeLat, homeLng, siteLat, siteLng, new RoadNetwork(netLat, netLng, ways)));
        missed += Row(body, $"walk over {network.EdgeCount:N0} ways ({netLat.Length:N0} junctions, network built each round)", overNetwork, 30_000,
            $"a search from each home alone: {alonePerHome:F1} ms per home, {alonePerHome * Elders / 1000:F0} s for all " +
            $"({alonePerHome * Elders / overNetwork:F0}× slower); {networkSample.Length} homes checked equal");

        // 3. Site selection: k = 20 of the candidates, demand = elders outside every circle, priority elders weigh 3.
        var candidates = Enumerable.Range(0, Candidates).Select(_ => random.Next(Elders)).ToArray();
        var weights = Enumerable.Range(0, Elders).Select(e => rule.InCircle(walks[e]) ? 0L : random.NextDouble() < 0.1 ? 3L : 1L).ToArray();
        SiteSelection.Result? result = null;
        var selection = Time(1, () =>
        {
            var homes = new PointIndex(elderLat, elderLng);
            var reaches = candidates.Select(c => homes.Within(elderLat[c] + 0.001, elderLng[c], rule.CircleStraightMeters)
                .Select(p => p.Id).ToArray()).ToList();
            var problem = SiteSelection.Aggregate(weights, reaches, K);
            result = SiteSelection.Solve(problem, SolverLimit);
            // Baseline: the chosen sites recounted on the unmerged elders.
            var recount = SiteSelection.Reached(new SiteSelection.Problem(weights, reaches, K), result.Best.Sites);
            if (recount != result.Best.Reached) throw new InvalidOperationException($"site selection: {result.Best.Reached} ≠ recount {recount}");
            Console.WriteLine($"site selection: {problem.Weights.Count:N0} merged demands of {weights.Count(w => w > 0):N0}");
        });
        var r = result!;
        missed += Row(body, $"site selection, k = {K} of {Candidates:N0} candidates ({r.Solver}, limit {SolverLimit.TotalSeconds:0} s)",
            selection, 60_000,
            $"greedy {r.Greedy.Reached:N0}, best {r.Best.Reached:N0} ({(r.Optimal ? "optimal" : "not proven optimal")}), " +
            $"bound {r.Bound:N0}, gap {r.Gap:P2}, gain over greedy {r.GainOverGreedy:P2}; recounted on the unmerged elders");

        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Median of {rounds} rounds (site selection: one run). Within the 15-minute circle " +
                $"(720 m of walking) by straight line: {within:N0} of {Elders:N0} elders ({within / (double)Elders:P1}).")
            .AppendLine()
            .AppendLine("| what | median | goal | met | baseline (same run) |")
            .AppendLine("|---|---|---|---|---|")
            .Append(body)
            .AppendLine()
            .AppendLine(missed == 0 ? "All goals met." : $"**{missed} goal(s) missed.**");
        Results.Write("reach", $"{Elders:N0} elders and {Facilities:N0} facilities in {Settlements:N0} settlements (seed {Seed}); a grid " +
            $"network of {Side}×{Side} junctions {Spacing:0} m apart; {Candidates:N0} candidate sites", text.ToString());
        return missed == 0 ? 0 : 1;
    }

    private static int Row(StringBuilder body, string what, double ms, double goalMs, string baseline)
    {
        body.AppendLine(CultureInfo.InvariantCulture,
            $"| {what} | {Results.Ms(ms)} | < {goalMs / 1000:0} s | {Results.Mark(ms < goalMs)} | {baseline} |");
        Console.WriteLine($"{what}: {ms:F1} ms");
        return ms < goalMs ? 0 : 1;
    }

    private static double Time(int rounds, Action act)
    {
        var times = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            act();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return Results.Percentile(times, 0.5);
    }

    /// <summary>Points around settlements (Gaussian, σ ≈ 2 km) spread over the box; the same settlements for the same seed.</summary>
    private static (double[] Lat, double[] Lng) Clustered(Random random, int count, double south, double west, double height, double width)
    {
        var places = new Random(Seed);
        var centres = Enumerable.Range(0, Settlements).Select(_ => (south + places.NextDouble() * height, west + places.NextDouble() * width))
            .ToArray();
        var lat = new double[count];
        var lng = new double[count];
        for (var i = 0; i < count; i++)
        {
            var (cLat, cLng) = centres[random.Next(centres.Length)];
            lat[i] = cLat + Gaussian(random) * 0.018;
            lng[i] = cLng + Gaussian(random) * 0.021;
        }
        return (lat, lng);
    }

    private static (double[] Lat, double[] Lng) Uniform(Random random, int count, (double South, double West, double North, double East) box)
    {
        var lat = Enumerable.Range(0, count).Select(_ => box.South + random.NextDouble() * (box.North - box.South)).ToArray();
        var lng = Enumerable.Range(0, count).Select(_ => box.West + random.NextDouble() * (box.East - box.West)).ToArray();
        return (lat, lng);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>A square grid of junctions <see cref="Spacing"/> apart, each joined to its east and north neighbour.</summary>
    private static (double[] Lat, double[] Lng, List<(int, int, double?)> Ways) Grid(double south, double west, int side)
    {
        var perLat = Geo.MetersPerDegree;
        var perLng = perLat * Math.Cos(south * Math.PI / 180);
        var lat = new double[side * side];
        var lng = new double[side * side];
        var ways = new List<(int, int, double?)>(2 * side * side);
        for (var y = 0; y < side; y++)
            for (var x = 0; x < side; x++)
            {
                var i = y * side + x;
                lat[i] = south + y * Spacing / perLat;
                lng[i] = west + x * Spacing / perLng;
                if (x > 0) ways.Add((i - 1, i, null));
                if (y > 0) ways.Add((i - side, i, null));
            }
        return (lat, lng, ways);
    }
}
