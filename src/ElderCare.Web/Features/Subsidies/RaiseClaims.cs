using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Assessments;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Subsidies;

public sealed record ClaimsRaised(int Year, int Created, int Reversals, IReadOnlyList<LedgerLineResource> Lines);

/// <summary>
/// 申报: computes a year's construction awards, town awards, operating subsidies and 特困 placement fees from the
/// evidence (三(二)(三)) and appends to the ledger what is due and not yet claimed, with reversals where the basis
/// changed (<see cref="ClaimReconciliation"/>). Run again, it adds nothing.
/// </summary>
public static class RaiseClaims
{
    public sealed record Input(int? Year);

    public static async Task<Outcome<ClaimsRaised>> Handle(Input input, TimeProvider clock, AppDbContext db, CancellationToken ct)
    {
        var today = clock.Today();
        if (input.Year is not { } year || year < 2020 || year > today.Year)
            return Outcome<ClaimsRaised>.Invalid("year", $"请填写申报年度（2020 至 {today.Year} 年）。");
        var due = await Compute(year, today, db, ct);
        var keys = due.Select(d => d.Key).ToList();
        var existing = await db.LedgerLines.AsNoTracking()
            .Where(l => keys.Contains(l.Key) || l.Year == year && (l.Kind == LedgerKind.OperatingSubsidy || l.Kind == LedgerKind.PlacementFee))
            .ToListAsync(ct);
        var withdrawable = existing.Where(l => l.Year == year && l.Kind is LedgerKind.OperatingSubsidy or LedgerKind.PlacementFee)
            .Select(l => l.Key).ToHashSet();
        var plan = ClaimReconciliation.Plan(due, existing, withdrawable);
        var now = clock.UtcNow();
        var lines = plan.Select(p => p.Due is { } d
            ? new LedgerLine
            {
                Key = d.Key, Revision = p.Revision, Kind = d.Kind, Year = d.Year, Month = d.Month, FacilityId = d.FacilityId, TownCode = d.TownCode,
                ElderId = d.ElderId, AmountFen = d.AmountFen, Explanation = d.Explanation, Evidence = string.Join('\n', d.Evidence), Basis = d.Basis,
                FundingSource = d.FundingSource, CreatedAt = now,
            }
            : Reversal(p.Reverses!, p.Revision, now)).ToList();
        db.LedgerLines.AddRange(lines);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<ClaimsRaised>.Conflict("另一次申报刚刚写入了同一笔款项，请刷新后重试。");
        }
        return new ClaimsRaised(year, lines.Count(l => l.ReversalOf is null), lines.Count(l => l.ReversalOf is not null),
            await LedgerQueries.Resources(lines, db, ct));
    }

    private static LedgerLine Reversal(LedgerLine of, int revision, DateTime now) => new()
    {
        Key = of.Key, Revision = revision, Kind = of.Kind, Year = of.Year, Month = of.Month, FacilityId = of.FacilityId, TownCode = of.TownCode,
        ElderId = of.ElderId, AmountFen = -of.AmountFen, Explanation = $"冲销：{of.Explanation}（依据已变更）", Evidence = $"reversal-of:{of.Id}",
        Basis = of.Basis, FundingSource = of.FundingSource, ReversalOf = of.Id, CreatedAt = now,
    };

    /// <summary>Everything due for the year on the evidence recorded today.</summary>
    public static async Task<IReadOnlyList<Entitlement>> Compute(int year, DateOnly today, AppDbContext db, CancellationToken ct)
    {
        var rules = new RuleBook(await db.SubsidyRules.AsNoTracking().ToListAsync(ct));
        var day = new DateOnly(year, 12, 31) < today ? new DateOnly(year, 12, 31) : today;
        var standards = await db.ConstructionStandards.AsNoTracking().ToListAsync(ct);
        var results = (await db.EvaluationResults.AsNoTracking().Where(r => r.Year <= year).ToListAsync(ct)).ToLookup(r => r.FacilityId);
        var facilities = (await db.Facilities.AsNoTracking().Include(f => f.StatusHistory).Where(f => f.OpenedOn != null).ToListAsync(ct))
            .Select(f => new FacilityFacts(f.Id, f.Name, f.Type, f.UnitCode, f.OpenedOn, f.StatusHistory,
                Compliance.Check(f, ConstructionStandard.EffectiveOn(standards, f.Type, day)).Compliant, results[f.Id].ToList()))
            .ToList();
        var due = new List<Entitlement>();
        foreach (var f in facilities)
        {
            if (Entitlements.ConstructionAward(f, year, today, rules) is { } award) due.Add(award);
            if (Entitlements.OperatingSubsidy(f, year, today, rules) is { } subsidy) due.Add(subsidy);
        }
        var planned = (await db.PlanLines.AsNoTracking().Where(p => p.Type == FacilityType.VillagePoint).ToListAsync(ct))
            .ToDictionary(p => p.UnitCode, p => p.TotalWhenDone);
        var byUnit = facilities.ToLookup(f => f.UnitCode);
        foreach (var town in facilities.Where(f => f.Type == FacilityType.TownCenter).Select(f => f.UnitCode).Distinct())
            if (Entitlements.TownAward(town, byUnit[town].ToList(), planned.GetValueOrDefault(town), year, today, rules) is { } townAward)
                due.Add(townAward);
        due.AddRange(await PlacementFees(year, today, rules, db, ct));
        return due.DistinctBy(d => d.Key).ToList(); // one elder in two places on a month's last day is paid once
    }

    private static async Task<IEnumerable<Entitlement>> PlacementFees(int year, DateOnly today, RuleBook rules, AppDbContext db, CancellationToken ct)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var placements = await db.Placements.AsNoTracking().Where(p => p.From <= end && (p.To == null || p.To >= start)).ToListAsync(ct);
        var elders = placements.Select(p => p.ElderId).Distinct().ToList();
        var selfCare = (await db.SecondaryAssessments.AsNoTracking()
                .Where(a => a.Instrument == SecondaryInstrument.ExtremePovertySelfCare && elders.Contains(a.ElderId))
                .Select(a => new { a.Id, a.ElderId, a.AssessedOn, a.Grade }).ToListAsync(ct))
            .Select(a => (a.ElderId,
                Fact: Enum.TryParse<SelfCareAbility>(a.Grade, out var ability) ? new SelfCareFact(a.Id, a.AssessedOn, ability) : null))
            .Where(a => a.Fact is not null)
            .ToLookup(a => a.ElderId, a => a.Fact!);
        return placements.SelectMany(p => Entitlements.PlacementFees(
            new PlacementFacts(p.Id, p.ElderId, p.FacilityId, p.UnitCode, p.From, p.To, selfCare[p.ElderId].ToList()), year, today, rules));
    }
}
