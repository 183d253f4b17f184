using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Map;

/// <summary>A suggested site and the elders outside every circle that a station there would bring inside.</summary>
public sealed record SuggestedSite(double Lat, double Lng, int Elders, int Priority);

/// <summary>
/// Where k new stations or points bring the most elders inside the 15-minute circle: the chosen sites, the answer and its
/// proof (the weight reached by the best and by the greedy choice, the solver's bound and the gap), and the what-if —
/// the district's figures now and with the sites built.
/// </summary>
public sealed record SiteSuggestion(
    DateOnly AsOf,
    int Sites,
    int Candidates,
    int PriorityWeight,
    IReadOnlyList<SuggestedSite> Chosen,
    long Reached,
    long GreedyReached,
    long Bound,
    bool Optimal,
    double Gap,
    string Solver,
    ReachFigures Before,
    ReachFigures After)
{
    /// <summary>How walks were measured: "按路网" (the installed road network) or "按直线×绕行系数".</summary>
    public string Method { get; init; } = OsmRoads.StraightLine;
}

/// <summary>
/// 选址建议 (二(四) 一刻钟便捷养老服务圈): candidate sites are the centres of the squares (the circle's straight-line
/// radius on a side) where elders outside every circle live; demand is those elders, a priority elder weighing
/// <see cref="PriorityWeight"/>; <see cref="SiteSelection"/> chooses at most k of them.
/// </summary>
public static class SuggestSites
{
    public const int PriorityWeight = 3;
    public const int MaxSites = 50;
    public static readonly TimeSpan SolverLimit = TimeSpan.FromSeconds(20);

    public static async Task<Outcome<SiteSuggestion>> Handle(int? sites, string? asOf, DataScope scope, AppDbContext db, MapOptions options,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = clock.DateOrToday(asOf, "asOf", errors);
        errors.AddIf(sites is not (>= 1 and <= MaxSites), "sites", $"新建站点数应在 1 至 {MaxSites} 之间。");
        if (errors.Any) return Outcome<SiteSuggestion>.Invalid(errors);
        if (scope.RegionPrefix is null) return Outcome<SiteSuggestion>.NotFound("无权查看选址建议。");

        var rule = options.Walking;
        var situation = await GetReach.LoadAsync(date, scope, db, options, ct);
        var outside = situation.Located.Where((_, i) => !rule.InCircle(situation.Walks[i])).ToList();
        var candidates = GetReach.Squares(outside, rule.CircleStraightMeters)
            .Select(g => (Lat: g.Average(h => h.Lat!.Value), Lng: g.Average(h => h.Lng!.Value))).ToList();
        var reaches = Reaches(candidates, outside, rule, options.Network);
        var weights = outside.Select(h => h.Priority ? (long)PriorityWeight : 1L).ToList();
        var result = SiteSelection.Solve(SiteSelection.Aggregate(weights, reaches, sites!.Value), SolverLimit);

        var chosen = result.Best.Sites.Select(s => new SuggestedSite(Math.Round(candidates[s].Lat, 6), Math.Round(candidates[s].Lng, 6),
            reaches[s].Length, reaches[s].Count(d => outside[d].Priority)))
            .OrderByDescending(s => s.Priority).ThenByDescending(s => s.Elders).ToList();
        var reached = result.Best.Sites.SelectMany(s => reaches[s]).Distinct().Select(d => outside[d]).ToList();
        var before = new ReachFigures(situation.Located.Count, situation.Located.Count - outside.Count,
            situation.Located.Count(h => h.Priority), situation.Located.Count(h => h.Priority) - outside.Count(h => h.Priority));
        var after = before with
        {
            EldersWithin = before.EldersWithin + reached.Count, PriorityWithin = before.PriorityWithin + reached.Count(h => h.Priority),
        };
        return new SiteSuggestion(date, sites.Value, candidates.Count, PriorityWeight, chosen, result.Best.Reached, result.Greedy.Reached,
            result.Bound, result.Optimal, result.Gap, result.Solver, before, after) { Method = situation.Method };
    }

    /// <summary>
    /// Per candidate, the homes (positions in <paramref name="homes"/>, ascending) a station there would bring inside the
    /// circle: over the road network when one is installed (the candidate and each home join it at their nearest junction,
    /// as in <see cref="Reach"/>), else within the circle's straight-line radius.
    /// </summary>
    internal static List<int[]> Reaches(IReadOnlyList<(double Lat, double Lng)> candidates, IReadOnlyList<GetReach.Home> homes, WalkingRule rule,
        RoadNetwork? network)
    {
        if (network is null)
        {
            var index = new PointIndex(homes.Select(h => h.Lat!.Value).ToList(), homes.Select(h => h.Lng!.Value).ToList());
            return candidates.Select(c => index.Within(c.Lat, c.Lng, rule.CircleStraightMeters).Select(p => p.Id).Order().ToArray()).ToList();
        }
        var max = rule.CircleMeters;
        var atJunction = new Dictionary<int, List<(int Home, double Meters)>>();
        for (var h = 0; h < homes.Count; h++)
            if (network.Junctions.Nearest(homes[h].Lat!.Value, homes[h].Lng!.Value, max) is { } j)
                (atJunction.TryGetValue(j.Id, out var list) ? list : atJunction[j.Id] = []).Add((h, j.Meters));
        return candidates.Select(c =>
        {
            if (network.Junctions.Nearest(c.Lat, c.Lng, max) is not { } start) return [];
            var reached = new List<int>();
            foreach (var (junction, meters) in network.WalkWithin([(start.Id, start.Meters)], max))
                if (atJunction.TryGetValue(junction, out var list))
                    reached.AddRange(list.Where(x => meters + x.Meters <= max).Select(x => x.Home));
            return reached.Order().ToArray();
        }).ToList();
    }
}
