using ElderCare.Web.Data;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Coverage;

public static class GetKpis
{
    public static async Task<Outcome<IReadOnlyList<Kpi>>> Handle(string? asOf, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = clock.DateOrToday(asOf, "asOf", errors);
        if (errors.Any) return Outcome<IReadOnlyList<Kpi>>.Invalid(errors);

        var units = (await GetCoverage.LoadUnitFacts(date, null, db, ct)).Select(CoverageRules.Compute).ToList();
        var facts = await db.Facilities.AsNoTracking().OperatingOn(date)
            .GroupBy(f => f.Type)
            .Select(g => new OperatingFacts(g.Key, g.Count(),
                g.Count(f => f.OperationMode != OperationMode.Government),
                g.Count(f => f.MedicalCareMode != MedicalCareMode.None),
                g.Count(f => f.MedicalCareMode == MedicalCareMode.Integrated),
                g.Sum(f => f.Beds.Total), g.Sum(f => f.Beds.Nursing)))
            .ToListAsync(ct);
        var targets = await db.KpiTargets.AsNoTracking().Where(t => t.EffectiveFrom <= date).ToListAsync(ct);
        return Outcome<IReadOnlyList<Kpi>>.Ok(Kpis.Compute(facts, units, targets));
    }
}
