using System.Linq.Expressions;
using static ElderCare.Web.Features.Elders.ElderPredicates;

namespace ElderCare.Web.Features.Elders;

/// <summary>
/// The groups the policy serves first (一、工作目标: 优先满足高龄、失能、特殊困难等老年人; 附件1: 半失能, 留守老年人).
/// <see cref="AdvancedAgeAlone"/> keeps its stored name but is the group 高龄 (ADR 0018): who belongs to a group is
/// the <see cref="PriorityRule"/> in force, not this code.
/// </summary>
public enum PriorityGroup
{
    AdvancedAgeAlone, Incapacitated, ExtremePoverty, LeftBehind, LostOnlyChild, SemiIncapacitated, Subsistence, LivingAlone, Disabled
}

/// <summary>A group with its Chinese name and the rule shown to users.</summary>
public sealed record PriorityGroupInfo(PriorityGroup Group, string Name, string Rule);

/// <summary>What the grouping looks at: age in 周岁 (IdNumber.Age), living arrangement, categories, and the current
/// GB/T 42195 level 0–4 (null when never assessed).</summary>
public sealed record PriorityFacts(int Age, LivingArrangement Living, IReadOnlyCollection<ElderCategory> Categories, int? CapabilityLevel);

/// <summary>
/// Which priority groups an elder is in, by the rules in force. Pure: rules and facts in, groups out in the order of
/// <see cref="PriorityGroup"/>. The seeded rules (<see cref="Defaults"/>) are the policy's; the district edits them.
/// </summary>
public static class PriorityGroups
{
    /// <summary>高龄: 80 周岁 and over (seeded; the rule in force may differ).</summary>
    public const int AdvancedAge = 80;

    /// <summary>失能: GB/T 42195-2022 level 2 (能力中度受损（中度失能）) or worse (seeded).</summary>
    public const int IncapacitatedMinLevel = 2;

    /// <summary>The policy's groups, effective from the policy date (荣昌府办发〔2020〕1号 一、工作目标 and 附件1).</summary>
    public static IReadOnlyList<PriorityRule> Defaults(DateOnly from)
    {
        const string source = "荣昌府办发〔2020〕1号 一、工作目标；附件1";
        PriorityRule R(PriorityGroup g, string name, int? minAge = null, int? minLevel = null, int? maxLevel = null,
            LivingArrangement[]? living = null, ElderCategory[]? categories = null) => new()
        {
            Group = g, EffectiveFrom = from, Name = name, MinAge = minAge, MinLevel = minLevel, MaxLevel = maxLevel,
            LivingArrangements = [.. living ?? []], Categories = [.. categories ?? []], Source = source,
        };
        return
        [
            R(PriorityGroup.AdvancedAgeAlone, "高龄", minAge: AdvancedAge),
            R(PriorityGroup.Incapacitated, "失能", minLevel: IncapacitatedMinLevel),
            R(PriorityGroup.ExtremePoverty, "特困", categories: [ElderCategory.ExtremePoverty]),
            R(PriorityGroup.LeftBehind, "留守", living: [LivingArrangement.LeftBehind]),
            R(PriorityGroup.LostOnlyChild, "失独", categories: [ElderCategory.LostOnlyChild]),
            R(PriorityGroup.SemiIncapacitated, "半失能", minLevel: 1, maxLevel: 1),
            R(PriorityGroup.Subsistence, "低保/低保边缘", categories: [ElderCategory.Subsistence, ElderCategory.LowIncomeEdge]),
            R(PriorityGroup.LivingAlone, "独居/空巢", living: [LivingArrangement.Alone, LivingArrangement.EmptyNest]),
            R(PriorityGroup.Disabled, "残疾", categories: [ElderCategory.Disabled]),
        ];
    }

    private static readonly IReadOnlyList<PriorityRule> Seeded = Defaults(new DateOnly(2020, 1, 3));

    /// <summary>The latest rule of each group effective on the date; groups switched off then are left out.</summary>
    public static IReadOnlyList<PriorityRule> InForce(IEnumerable<PriorityRule> rules, DateOnly on) =>
        rules.Where(r => r.EffectiveFrom <= on).GroupBy(r => r.Group).Select(g => g.MaxBy(r => r.EffectiveFrom)!)
            .Where(r => r.Active).OrderBy(r => r.Group).ToList();

    /// <summary>The groups of the seeded rules (for places that do not read the rules in force).</summary>
    public static IReadOnlyList<PriorityGroupInfo> All { get; } = Seeded.Select(Info).ToList();

    public static PriorityGroupInfo Info(PriorityRule r) => new(r.Group, r.Name, r.Describe() + "的老年人");

    public static IReadOnlyList<PriorityGroupInfo> Of(PriorityFacts facts) => Of(facts, Seeded);

    public static IReadOnlyList<PriorityGroupInfo> Of(PriorityFacts facts, IEnumerable<PriorityRule> inForce)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return inForce.Where(r => Matches(r, facts)).OrderBy(r => r.Group).Select(Info).ToList();
    }

    public static bool IsIn(PriorityGroup group, PriorityFacts facts) => Seeded.Any(r => r.Group == group && Matches(r, facts));

    public static bool Matches(PriorityRule r, PriorityFacts f) =>
        (r.MinAge is not { } age || f.Age >= age)
        && (r.MinLevel is not { } min || f.CapabilityLevel >= min)
        && (r.MaxLevel is not { } max || f.CapabilityLevel <= max)
        && (r.LivingArrangements.Count == 0 || r.LivingArrangements.Contains(f.Living))
        && (r.Categories.Count == 0 || r.Categories.Any(f.Categories.Contains));

    public static string NameOf(PriorityGroup group) => Seeded.Single(r => r.Group == group).Name;

    /// <summary>The same rule as a filter the database runs (birth date for age, as of <paramref name="today"/>).</summary>
    public static Expression<Func<Elder, bool>> Filter(PriorityRule r, DateOnly today)
    {
        Expression<Func<Elder, bool>> filter = e => true;
        if (r.MinAge is { } age)
        {
            var born = today.AddYears(-age);
            filter = And(filter, e => e.BirthDate <= born);
        }
        if (r.MinLevel is { } min) filter = And(filter, e => e.CurrentLevel >= min);
        if (r.MaxLevel is { } max) filter = And(filter, e => e.CurrentLevel <= max);
        if (r.LivingArrangements.Count > 0)
        {
            Expression<Func<Elder, bool>> any = e => false;
            foreach (var l in r.LivingArrangements.ToList()) any = Or(any, e => e.LivingArrangement == l);
            filter = And(filter, any);
        }
        if (r.Categories.Count > 0)
        {
            Expression<Func<Elder, bool>> any = e => false;
            foreach (var c in r.Categories.ToList()) any = Or(any, e => e.Categories.Contains(c));
            filter = And(filter, any);
        }
        return filter;
    }

    /// <summary>In any of the rules (none: nobody).</summary>
    public static Expression<Func<Elder, bool>> AnyOf(IEnumerable<PriorityRule> rules, DateOnly today)
    {
        Expression<Func<Elder, bool>> any = e => false;
        foreach (var r in rules) any = Or(any, Filter(r, today));
        return any;
    }
}
