using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Coverage;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Map;

/// <summary>Elders with a recorded home, and how many of them (and of the priority elders) are inside the circle.</summary>
public sealed record ReachFigures(int Elders, int EldersWithin, int Priority, int PriorityWithin)
{
    public double? Share => Elders == 0 ? null : EldersWithin / (double)Elders;
    public double? PriorityShare => Priority == 0 ? null : PriorityWithin / (double)Priority;
}

/// <summary>A street or town, or a community or village, with its figures.</summary>
public sealed record ReachArea(string RegionCode, string Name, ReachFigures Figures);

/// <summary>A square of the circle's walk on a side where elders live outside every circle: where a station is missing.</summary>
public sealed record ReachGap(double Lat, double Lng, int Elders, int Priority);

public sealed record ReachReport(
    DateOnly AsOf,
    string Method,
    double CircleMeters,
    double WalkingMetersPerSecond,
    double DetourFactor,
    int Facilities,
    int EldersWithoutLocation,
    ReachFigures Total,
    IReadOnlyList<ReachArea> Units,
    IReadOnlyList<ReachArea> Communities,
    IReadOnlyList<ReachGap> Gaps);

/// <summary>
/// 二(四) 一刻钟便捷养老服务圈 — who is within a 15-minute walk of an operating facility up to the 附件1 standard (a street or
/// town centre, a community station or a village point), per street or town and per community or village, for the
/// elders in the user's scope; priority elders (the rules in force) counted apart; and the squares where the elders
/// outside every circle live, most priority elders first. Facilities count wherever they are: an elder walks across a
/// boundary. Walks follow the installed road network (<see cref="OsmRoads"/>, "按路网"), else the straight line × the
/// detour factor (<see cref="MapOptions"/>, "按直线×绕行系数"); the report's Method says which.
/// </summary>
public static class GetReach
{
    public const int GapCount = 20;

    private static readonly FacilityType[] HomeCare =
        [FacilityType.StreetCenter, FacilityType.CommunityStation, FacilityType.TownCenter, FacilityType.VillagePoint];

    /// <summary>An elder's home (null where not recorded) and whether the elder is in a priority group on the date.</summary>
    internal sealed record Home(string UnitCode, string RegionCode, double? Lat, double? Lng, bool Priority);

    /// <summary>The facilities that count, the elders in scope, and for those with a home the walk to the nearest facility.</summary>
    internal sealed record Situation(int Facilities, IReadOnlyList<Home> Homes, IReadOnlyList<Home> Located, double[] Walks)
    {
        /// <summary>How the walks were measured: <see cref="OsmRoads.ByRoads"/> or <see cref="OsmRoads.StraightLine"/>.</summary>
        public string Method { get; init; } = OsmRoads.StraightLine;
    }

    public static async Task<Outcome<ReachReport>> Handle(string? asOf, DataScope scope, AppDbContext db, MapOptions options, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = clock.DateOrToday(asOf, "asOf", errors);
        if (errors.Any) return Outcome<ReachReport>.Invalid(errors);
        if (scope.RegionPrefix is not { } prefix) return Outcome<ReachReport>.NotFound("无权查看一刻钟服务圈。");

        var rule = options.Walking;
        var situation = await LoadAsync(date, scope, db, options, ct);
        var (facilityCount, homes, located, walks) = situation;
        var within = located.Select((h, i) => (Home: h, Within: rule.InCircle(walks[i]))).ToList();

        var names = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(prefix)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        List<ReachArea> By(Func<Home, string> key) => within.GroupBy(w => key(w.Home)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ReachArea(g.Key, names.GetValueOrDefault(g.Key, g.Key), Figures(g))).ToList();

        return new ReachReport(date, situation.Method, rule.CircleMeters, rule.MetersPerSecond, rule.DetourFactor, facilityCount,
            homes.Count - located.Count, Figures(within), By(h => h.UnitCode), By(h => h.RegionCode),
            Gaps(within.Where(w => !w.Within).Select(w => w.Home), rule.CircleMeters));
    }

    /// <summary>The situation with walks over the installed road network (<see cref="MapOptions.RoadsFile"/>) when there is one.</summary>
    internal static Task<Situation> LoadAsync(DateOnly date, DataScope scope, AppDbContext db, MapOptions options, CancellationToken ct) =>
        LoadAsync(date, scope, db, options.Walking, ct, options.Network);

    internal static async Task<Situation> LoadAsync(DateOnly date, DataScope scope, AppDbContext db, WalkingRule rule, CancellationToken ct,
        RoadNetwork? network = null)
    {
        var facilities = Counting(await GetCoverage.LoadOperating(date, null, db, ct));
        var elders = db.Elders.AsNoTracking().InScope(scope, db).Where(e => e.Status == ElderStatus.Active);
        var priority = (await elders.InPriorityGroup(date, await PriorityRules.InForce(db, date, ct)).Select(e => e.Id).ToListAsync(ct))
            .ToHashSet();
        var homes = (await elders.Select(e => new { e.Id, e.UnitCode, e.RegionCode, e.Latitude, e.Longitude }).ToListAsync(ct))
            .Select(e => new Home(e.UnitCode, e.RegionCode, e.Latitude, e.Longitude, priority.Contains(e.Id))).ToList();
        var located = homes.Where(h => h.Lat is not null && h.Lng is not null).ToList();
        var walks = Walks(located.Select(h => h.Lat!.Value).ToList(), located.Select(h => h.Lng!.Value).ToList(), facilities, rule, network);
        return new Situation(facilities.Count, homes, located, walks) { Method = OsmRoads.Method(network) };
    }

    /// <summary>The operating facilities that make a circle: up to the 附件1 standard, of a home-care kind, with a position.</summary>
    internal static List<GetCoverage.OperatingRow> Counting(IEnumerable<GetCoverage.OperatingRow> operating) =>
        operating.Where(f => f.Compliant && HomeCare.Contains(f.Type) && f.Latitude is not null && f.Longitude is not null).ToList();

    /// <summary>
    /// Each home's walk to the nearest of <paramref name="counting"/> (from <see cref="Counting"/>), over the road network when there
    /// is one, else the straight line × the detour factor; walks beyond the circle may be reported as any longer distance.
    /// </summary>
    internal static double[] Walks(IReadOnlyList<double> homeLat, IReadOnlyList<double> homeLng, IReadOnlyList<GetCoverage.OperatingRow> counting,
        WalkingRule rule, RoadNetwork? network)
    {
        var (facilityLat, facilityLng) = (counting.Select(f => f.Latitude!.Value).ToList(), counting.Select(f => f.Longitude!.Value).ToList());
        return network is null
            ? Reach.Walks(homeLat, homeLng, new PointIndex(facilityLat, facilityLng), rule, rule.CircleMeters)
            : Reach.Walks(homeLat, homeLng, facilityLat, facilityLng, network, rule.CircleMeters);
    }

    private static ReachFigures Figures(IEnumerable<(Home Home, bool Within)> rows)
    {
        int elders = 0, inside = 0, priority = 0, priorityInside = 0;
        foreach (var (home, w) in rows)
        {
            elders++;
            if (w) inside++;
            if (!home.Priority) continue;
            priority++;
            if (w) priorityInside++;
        }
        return new ReachFigures(elders, inside, priority, priorityInside);
    }

    /// <summary>The elders outside every circle in squares of the circle's walk, the most priority elders first.</summary>
    private static IReadOnlyList<ReachGap> Gaps(IEnumerable<Home> outside, double side) =>
        Squares(outside, side)
            .Select(g => new ReachGap(Math.Round(g.Average(h => h.Lat!.Value), 5), Math.Round(g.Average(h => h.Lng!.Value), 5), g.Count(),
                g.Count(h => h.Priority)))
            .OrderByDescending(g => g.Priority).ThenByDescending(g => g.Elders).ThenBy(g => g.Lat).ThenBy(g => g.Lng)
            .Take(GapCount).ToList();

    /// <summary>Homes in squares of <paramref name="side"/> metres (north–south; east–west at the square's latitude).</summary>
    internal static IEnumerable<IGrouping<(int Row, int Column), Home>> Squares(IEnumerable<Home> homes, double side)
    {
        var degreesLat = side / Geo.MetersPerDegree;
        return homes.GroupBy(h =>
        {
            var row = (int)Math.Floor(h.Lat!.Value / degreesLat);
            var degreesLng = degreesLat / Math.Cos((row + 0.5) * degreesLat * Math.PI / 180);
            return (row, (int)Math.Floor(h.Lng!.Value / degreesLng));
        });
    }
}
