using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Coverage;

public static class GetKpis
{
    /// <summary>The KPIs with the 15-minute circle walked by the default rule (straight line × 1.3, no road network).</summary>
    public static Task<Outcome<IReadOnlyList<Kpi>>> Handle(string? asOf, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct) => Handle(asOf, null, scope, db, clock, new Map.MapOptions(), ct);

    /// <summary>
    /// The KPIs of the scope, or of a street, town or district in it (<paramref name="regionCode"/>, as the coverage report);
    /// the 15-minute circle's walks follow <paramref name="map"/> (its road network when installed), once per call.
    /// </summary>
    public static async Task<Outcome<IReadOnlyList<Kpi>>> Handle(string? asOf, string? regionCode, DataScope scope, AppDbContext db,
        TimeProvider clock, Map.MapOptions map, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = clock.DateOrToday(asOf, "asOf", errors);
        if (errors.Any) return Outcome<IReadOnlyList<Kpi>>.Invalid(errors);

        // A town officer's KPIs are those of their street or town.
        if (GetCoverage.Prefix(regionCode, scope) is not { } prefix) return Outcome<IReadOnlyList<Kpi>>.NotFound("无权查看该区域的指标。");
        // One pass over the operating facilities serves both the coverage counts and the KPI sums.
        var operating = await GetCoverage.LoadOperating(date, prefix, db, ct);
        var units = (await GetCoverage.LoadUnitFacts(date, prefix, db, ct, operating)).Select(CoverageRules.Compute).ToList();
        var facts = operating.GroupBy(f => f.Type)
            .Select(g => new OperatingFacts(g.Key, g.Count(),
                g.Count(f => f.OperationMode != OperationMode.Government),
                g.Count(f => f.MedicalCareMode != MedicalCareMode.None),
                g.Count(f => f.MedicalCareMode == MedicalCareMode.Integrated),
                g.Sum(f => f.BedsTotal), g.Sum(f => f.BedsNursing)))
            .ToList();
        var targets = await db.KpiTargets.AsNoTracking().Where(t => t.EffectiveFrom <= date).ToListAsync(ct);
        var priority = db.Elders.AsNoTracking().InScope(scope, db).InRegion(prefix)
            .Where(e => e.Status == ElderStatus.Active)
            .InPriorityGroup(date, await PriorityRules.InForce(db, date, ct));
        // One pass over the priority elders serves the three priority KPIs.
        var standing = await priority.SelectStanding(date).ToListAsync(ct);
        var elders = (standing.Count, standing.Count(s => s.Assessed), standing.Count(s => s.Served));
        // 二(四) the priority elders within the 15-minute circle: only their walks are measured. A walk ends at the nearest
        // facility wherever it stands (an elder crosses a boundary, GetReach); one farther than the circle, in a straight
        // line, from every home cannot decide it, so beyond the scope only those near the homes are read.
        var homes = standing.Where(s => s.Latitude is not null && s.Longitude is not null).ToList();
        var (lats, lngs) = (homes.ConvertAll(h => h.Latitude!.Value), homes.ConvertAll(h => h.Longitude!.Value));
        var reachable = prefix.Length == 0 || homes.Count == 0
            ? operating
            : await GetCoverage.LoadOperating(date, null, db, ct, GeoBox.Around(lats, lngs, map.Walking.CircleMeters));
        var walks = Map.GetReach.Walks(lats, lngs, Map.GetReach.Counting(reachable), map.Walking, map.Network);
        var circle = (homes.Count, walks.Count(map.Walking.InCircle));
        return Outcome<IReadOnlyList<Kpi>>.Ok(Kpis.Compute(facts, units, targets, elders, circle));
    }
}
