using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Plan;

public sealed record PlanReport(IReadOnlyList<PlanLine> Lines, IReadOnlyList<PlanTotal> Totals, IReadOnlyList<PlanTotalCheck> Checks);

public static class GetPlan
{
    /// <summary>
    /// The plan rows under a region prefix, and for the whole district its 合计 rows with the check of the unit rows
    /// against them (a street or town alone is not checked against district totals).
    /// </summary>
    public static async Task<PlanReport> Handle(string prefix, AppDbContext db, CancellationToken ct)
    {
        var lines = await db.PlanLines.AsNoTracking()
            .Where(l => l.UnitCode.StartsWith(prefix))
            .OrderBy(l => l.UnitCode).ThenBy(l => l.Type)
            .ToListAsync(ct);
        if (prefix.Length >= 9) return new PlanReport(lines, [], []);
        var totals = await db.PlanTotals.AsNoTracking().ToListAsync(ct);
        totals = totals.OrderBy(t => t.Type).ThenBy(t => t.Year ?? 0).ToList();
        return new PlanReport(lines, totals, PlanTotalChecks.Check(lines, totals));
    }
}
