using ElderCare.Web.Features.Elders;

namespace ElderCare.Web.Features.Meals;

/// <summary>What the meal subsidy looks at: age on the meal's day, registry categories, the current capability level.</summary>
public sealed record MealSubsidyFacts(int Age, IReadOnlyCollection<ElderCategory> Categories, int? CapabilityLevel);

/// <summary>The split of a meal's price: the subsidy (and the group it is paid for) and the elder's own share, in fen.</summary>
public sealed record MealSubsidySplit(MealSubsidyGroup? Group, long SubsidyFen, long OwnShareFen);

/// <summary>
/// Meal subsidy per group (助餐补贴按群体). Pure: the groups an elder is in, the rates in force on the day,
/// and the split. An elder in several groups gets the highest rate; the subsidy never exceeds the price.
/// </summary>
public static class MealSubsidy
{
    public static string NameOf(MealSubsidyGroup g) => g switch
    {
        MealSubsidyGroup.ExtremePoverty => "特困人员",
        MealSubsidyGroup.Subsistence => "低保对象",
        MealSubsidyGroup.Incapacitated => "失能老年人",
        MealSubsidyGroup.AdvancedAge => "高龄",
        MealSubsidyGroup.Elder => "其他老年人",
        _ => g.ToString(),
    };

    /// <summary>By the seeded priority rules: 特困 and 低保 from the registry, 失能 from level ≥ 2, 高龄 from 80, everyone in the general group.</summary>
    public static IReadOnlyList<MealSubsidyGroup> GroupsOf(MealSubsidyFacts facts) =>
        GroupsOf(facts, LivingArrangement.WithFamily, PriorityGroups.Defaults(DateOnly.MinValue));

    /// <summary>
    /// Every registered elder is in the general group; 特困 and 低保 from the registry; 失能 and 高龄 when the elder meets
    /// the priority rule of that group in force on the meal's day (ADR 0018, ADR 0023), so a district change of the age
    /// threshold or the 失能 level moves the meal subsidy with it from its date.
    /// </summary>
    public static IReadOnlyList<MealSubsidyGroup> GroupsOf(MealSubsidyFacts facts, LivingArrangement living, IEnumerable<PriorityRule> inForce)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(inForce);
        var priority = new PriorityFacts(facts.Age, living, facts.Categories, facts.CapabilityLevel);
        var rules = inForce.ToList();
        bool In(PriorityGroup g) => rules.Any(r => r.Group == g && r.Active && PriorityGroups.Matches(r, priority));
        var groups = new List<MealSubsidyGroup>();
        if (facts.Categories.Contains(ElderCategory.ExtremePoverty)) groups.Add(MealSubsidyGroup.ExtremePoverty);
        if (facts.Categories.Contains(ElderCategory.Subsistence)) groups.Add(MealSubsidyGroup.Subsistence);
        if (In(PriorityGroup.Incapacitated)) groups.Add(MealSubsidyGroup.Incapacitated);
        if (In(PriorityGroup.AdvancedAgeAlone)) groups.Add(MealSubsidyGroup.AdvancedAge);
        groups.Add(MealSubsidyGroup.Elder);
        return groups;
    }

    /// <summary>Per group, the latest rate effective on the date (groups without one get none).</summary>
    public static IReadOnlyDictionary<MealSubsidyGroup, long> RatesOn(IEnumerable<MealSubsidyRate> rates, DateOnly on) =>
        rates.Where(r => r.EffectiveFrom <= on).GroupBy(r => r.Group)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.EffectiveFrom)!.PerMealFen);

    public static MealSubsidySplit Split(long priceFen, IEnumerable<MealSubsidyGroup> groups, IReadOnlyDictionary<MealSubsidyGroup, long> rates)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(priceFen);
        var best = groups.Where(rates.ContainsKey).Select(g => (Group: g, Rate: rates[g]))
            .OrderByDescending(x => x.Rate).ThenBy(x => x.Group).FirstOrDefault();
        if (best == default || best.Rate <= 0) return new MealSubsidySplit(null, 0, priceFen);
        var subsidy = Math.Min(best.Rate, priceFen);
        return new MealSubsidySplit(best.Group, subsidy, priceFen - subsidy);
    }

    /// <summary>
    /// Seeded defaults (ADR 10): the policy sets no meal-subsidy rate, so these are placeholders the district edits.
    /// 特困 is covered up to the top 13-yuan tier (PRACTICE.md 9 / 11 / 13 yuan); the others pay part.
    /// </summary>
    public static IEnumerable<MealSubsidyRate> Defaults(DateOnly from)
    {
        const string source = Shared.Placeholders.Source; // 实施方案未规定助餐补贴标准: unconfirmed until the district confirms (ADR 0023)
        yield return new MealSubsidyRate { Group = MealSubsidyGroup.ExtremePoverty, EffectiveFrom = from, PerMealFen = 1300, Source = source };
        yield return new MealSubsidyRate { Group = MealSubsidyGroup.Subsistence, EffectiveFrom = from, PerMealFen = 600, Source = source };
        yield return new MealSubsidyRate { Group = MealSubsidyGroup.Incapacitated, EffectiveFrom = from, PerMealFen = 500, Source = source };
        yield return new MealSubsidyRate { Group = MealSubsidyGroup.AdvancedAge, EffectiveFrom = from, PerMealFen = 400, Source = source };
        yield return new MealSubsidyRate { Group = MealSubsidyGroup.Elder, EffectiveFrom = from, PerMealFen = 200, Source = source };
    }
}
