using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Elders;

public sealed record PriorityRuleResource(PriorityGroup Group, string Name, DateOnly EffectiveFrom, int? MinAge, int? MinLevel, int? MaxLevel,
    IReadOnlyList<LivingArrangement> LivingArrangements, IReadOnlyList<ElderCategory> Categories, bool Active, string Rule, string Source,
    string? ChangedBy, DateTime? ChangedAt)
{
    public static PriorityRuleResource From(PriorityRule r) => new(r.Group, r.Name, r.EffectiveFrom, r.MinAge, r.MinLevel, r.MaxLevel,
        r.LivingArrangements, r.Categories, r.Active, r.Describe(), r.Source, r.ChangedBy, r.ChangedAt);
}

/// <summary>The rules in force on a date and their history.</summary>
public sealed record PriorityRulesResource(DateOnly AsOf, IReadOnlyList<PriorityRuleResource> InForce, IReadOnlyList<PriorityRuleResource> History);

public static class PriorityRules
{
    /// <summary>The rules in force on a date (the seeded ones when the table is empty, e.g. before seeding).</summary>
    public static async Task<IReadOnlyList<PriorityRule>> InForce(AppDbContext db, DateOnly on, CancellationToken ct)
    {
        var rules = await db.PriorityRules.AsNoTracking().Where(r => r.EffectiveFrom <= on).ToListAsync(ct);
        return PriorityGroups.InForce(rules.Count == 0 ? PriorityGroups.Defaults(DateOnly.MinValue) : rules, on);
    }
}
