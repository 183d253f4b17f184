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
        CancellationToken ct) => Handle(asOf, scope, db, clock, new Map.MapOptions(), ct);

    /// <summary>The KPIs; the 15-minute circle's walks follow <paramref name="map"/> (its road network when installed), once per call.</summary>
    public static async Task<Outcome<IReadOnlyList<Kpi>>> Handle(
        string? asOf, DataScope scope, AppDbContext db, TimeProvider clock, Map.MapOptions map, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = clock.DateOrToday(asOf, "asOf", errors);
        if (errors.Any) return Outcome<IReadOnlyList<Kpi>>.Invalid(errors);

        // A town officer's KPIs are those of their street or town.
        if (GetCoverage.Prefix(null, scope) is not { } prefix) return Outcome<IReadOnlyList<Kpi>>.NotFound("无权查看指标。");
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
        var assessed = priority.WithCurrentAssessment(date);
        var elders = (await priority.CountAsync(ct), await assessed.CountAsync(ct),
            await assessed.WithServiceContact(db.ServiceOrders.AsNoTracking(), date).CountAsync(ct));
        // 二(四) the priority elders within the 15-minute circle: one reach over the elders in scope.
        var reach = await Map.GetReach.LoadAsync(date, scope, db, map, ct);
        var rule = map.Walking;
        var circle = (reach.Located.Count(h => h.Priority), reach.Located.Where((h, i) => h.Priority && rule.InCircle(reach.Walks[i])).Count());
        return Outcome<IReadOnlyList<Kpi>>.Ok(Kpis.Compute(facts, units, targets, elders, circle));
    }
}
