using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Map;

/// <summary>A suggested site and the elders outside every circle that a station there would bring inside.</summary>
public sealed record SuggestedSite(double Lat, double Lng, int Elders, int Priority)
{
    /// <summary>The region: a listed building's own, else where most of the elders it brings in live (null: none).</summary>
    public string? RegionCode { get; init; }

    /// <summary>A listed candidate building's name and address (null for a grid cell).</summary>
    public string? Name { get; init; }

    public string? Address { get; init; }
}

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

    /// <summary>Where the candidates came from: <c>listed</c> (the district's buildings) or <c>grid</c> (squares of elders outside).</summary>
    public string CandidateSource { get; init; } = SuggestSites.Grid;

    /// <summary>The same in Chinese, for the answer's reader.</summary>
    public string CandidateSourceText => CandidateSource == SuggestSites.Listed ? "区县登记的候选楼宇" : "服务圈外老年人聚居的网格";
}

/// <summary>
/// 选址建议 (二(四) 一刻钟便捷养老服务圈): candidate sites are the buildings the district listed in the user's scope
/// (<see cref="CandidateSite"/>, <c>candidates=listed</c>) or the centres of the squares (the circle's straight-line
/// radius on a side) where elders outside every circle live (<c>grid</c>); by default the listed ones when there are
/// any. Demand is the elders outside every circle, a priority elder weighing <see cref="PriorityWeight"/>;
/// <see cref="SiteSelection"/> chooses at most k of them.
/// </summary>
public static class SuggestSites
{
    public const int PriorityWeight = 3;
    public const int MaxSites = 50;
    public static readonly TimeSpan SolverLimit = TimeSpan.FromSeconds(20);

    public const string Listed = "listed";
    public const string Grid = "grid";

    public static Task<Outcome<SiteSuggestion>> Handle(int? sites, string? asOf, DataScope scope, AppDbContext db, MapOptions options,
        TimeProvider clock, CancellationToken ct) => Handle(sites, asOf, null, scope, db, options, clock, ct);

    public static async Task<Outcome<SiteSuggestion>> Handle(int? sites, string? asOf, string? candidateSource, DataScope scope, AppDbContext db,
        MapOptions options, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = clock.DateOrToday(asOf, "asOf", errors);
        errors.AddIf(sites is not (>= 1 and <= MaxSites), "sites", $"新建站点数应在 1 至 {MaxSites} 之间。");
        errors.AddIf(candidateSource is not (null or "" or Listed or Grid), "candidates",
            "候选点 candidates 应为 listed（区县登记的候选楼宇）或 grid（服务圈外老年人聚居的网格）。");
        if (errors.Any) return Outcome<SiteSuggestion>.Invalid(errors);
        if (scope.RegionPrefix is null) return Outcome<SiteSuggestion>.NotFound("无权查看选址建议。");
        IReadOnlyList<CandidateSiteRow> listed = candidateSource == Grid ? [] : await ListCandidateSites.Handle(scope, db, ct);
        if (candidateSource == Listed && listed.Count == 0)
            return Outcome<SiteSuggestion>.Invalid("candidates", "您的范围内尚未登记候选楼宇，请先导入候选楼宇，或改用 grid（网格）。");
        var source = listed.Count > 0 ? Listed : Grid;

        var rule = options.Walking;
        var situation = await GetReach.LoadAsync(date, scope, db, options, ct);
        var outside = situation.Located.Where((_, i) => !rule.InCircle(situation.Walks[i])).ToList();
        var candidates = source == Listed ? listed.Select(c => (c.Lat, c.Lng)).ToList()
            : GetReach.Squares(outside, rule.CircleStraightMeters)
                .Select(g => (Lat: g.Average(h => h.Lat!.Value), Lng: g.Average(h => h.Lng!.Value))).ToList();
        var reaches = Reaches(candidates, outside, rule, options.Network);
        var weights = outside.Select(h => h.Priority ? (long)PriorityWeight : 1L).ToList();
        var result = SiteSelection.Solve(SiteSelection.Aggregate(weights, reaches, sites!.Value), SolverLimit);

        var chosen = result.Best.Sites.Select(s => new SuggestedSite(Math.Round(candidates[s].Lat, 6), Math.Round(candidates[s].Lng, 6),
                reaches[s].Length, reaches[s].Count(d => outside[d].Priority))
            {
                RegionCode = source == Listed ? listed[s].RegionCode
                    : reaches[s].GroupBy(d => outside[d].RegionCode).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                        .FirstOrDefault()?.Key,
                Name = source == Listed ? listed[s].Name : null,
                Address = source == Listed ? listed[s].Address : null,
            })
            .OrderByDescending(s => s.Priority).ThenByDescending(s => s.Elders).ToList();
        var reached = result.Best.Sites.SelectMany(s => reaches[s]).Distinct().Select(d => outside[d]).ToList();
        var before = new ReachFigures(situation.Located.Count, situation.Located.Count - outside.Count,
            situation.Located.Count(h => h.Priority), situation.Located.Count(h => h.Priority) - outside.Count(h => h.Priority));
        var after = before with
        {
            EldersWithin = before.EldersWithin + reached.Count, PriorityWithin = before.PriorityWithin + reached.Count(h => h.Priority),
        };
        return new SiteSuggestion(date, sites.Value, candidates.Count, PriorityWeight, chosen, result.Best.Reached, result.Greedy.Reached,
            result.Bound, result.Optimal, result.Gap, result.Solver, before, after)
        {
            Method = situation.Method, CandidateSource = source,
        };
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
