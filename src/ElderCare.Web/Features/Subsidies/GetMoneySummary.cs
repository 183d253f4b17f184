using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Subsidies;

/// <summary>
/// The year's money in scope (三(二)(三)), net of reversals, at each step of the ledger — committed (申报), approved (区审批
/// and after) and paid — against what the plan implies once every planned facility is built: the 以奖代补 awards (street
/// centres, community stations, one per town with a town centre in the plan) and a year's operating subsidies, at the rules
/// in force today. Money in fen.
/// </summary>
public sealed record MoneySummary(int Year, long CommittedFen, long ApprovedFen, long PaidFen, long PlannedAwardsFen, long PlannedOperatingFen);

public static class GetMoneySummary
{
    public static async Task<MoneySummary> Handle(int? year, DataScope scope, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var shown = year ?? today.Year;
        var sums = await db.LedgerLines.AsNoTracking().InScope(scope).Where(l => l.Year == shown)
            .GroupBy(l => l.Status).Select(g => new { Status = g.Key, Fen = g.Sum(l => l.AmountFen) }).ToListAsync(ct);
        long Sum(params LedgerStatus[] statuses) => sums.Where(s => statuses.Contains(s.Status)).Sum(s => s.Fen);

        var prefix = scope.RegionPrefix;
        var plan = prefix is null ? [] : (await db.PlanLines.AsNoTracking().Where(p => p.UnitCode.StartsWith(prefix)).ToListAsync(ct))
            .Select(p => (p.UnitCode, p.Type, p.TotalWhenDone)).ToList();
        var rules = new RuleBook(await db.SubsidyRules.AsNoTracking().ToListAsync(ct));
        long Rule(SubsidyKind kind, FacilityType type) => rules.Find(kind, today, type: type)?.AmountFen ?? 0;
        var awards = plan.Where(p => p.Type is FacilityType.StreetCenter or FacilityType.CommunityStation)
                         .Sum(p => p.TotalWhenDone * Rule(SubsidyKind.ConstructionAward, p.Type))
                     + plan.Count(p => p.Type == FacilityType.TownCenter && p.TotalWhenDone > 0)
                     * Rule(SubsidyKind.TownAward, FacilityType.TownCenter);
        var operating = plan.Sum(p => p.TotalWhenDone * Rule(SubsidyKind.OperatingSubsidy, p.Type));
        return new MoneySummary(shown, Sum(Enum.GetValues<LedgerStatus>()), Sum(LedgerStatus.Approved, LedgerStatus.Batched, LedgerStatus.Paid),
            Sum(LedgerStatus.Paid), awards, operating);
    }
}
