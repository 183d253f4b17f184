namespace ElderCare.Web.Features.Elders;

/// <summary>The groups the policy serves first (一、工作目标: 优先满足高龄、失能、特殊困难等老年人; 附件1: 留守老年人).</summary>
public enum PriorityGroup { AdvancedAgeAlone, Incapacitated, ExtremePoverty, LeftBehind, LostOnlyChild }

/// <summary>A group with its Chinese name and the rule shown to users.</summary>
public sealed record PriorityGroupInfo(PriorityGroup Group, string Name, string Rule);

/// <summary>What the grouping looks at: age in 周岁 (IdNumber.Age), living arrangement, categories, and the current
/// GB/T 42195 level 0–4 (null when never assessed).</summary>
public sealed record PriorityFacts(int Age, LivingArrangement Living, IReadOnlyCollection<ElderCategory> Categories, int? CapabilityLevel);

/// <summary>
/// Which priority groups an elder is in. Pure: the facts come in, the groups go out in the order of
/// <see cref="PriorityGroup"/>. 低保, 低保边缘, 残疾 and 优抚 are facts the registry keeps but form no group here.
/// </summary>
public static class PriorityGroups
{
    /// <summary>高龄: 80 周岁 and over.</summary>
    public const int AdvancedAge = 80;

    /// <summary>失能: GB/T 42195-2022 level 2 (能力中度受损（中度失能）) or worse.</summary>
    public const int IncapacitatedMinLevel = 2;

    public static IReadOnlyList<PriorityGroupInfo> All { get; } =
    [
        new(PriorityGroup.AdvancedAgeAlone, "高龄独居", $"年满{AdvancedAge}周岁且独居的老年人"),
        new(PriorityGroup.Incapacitated, "失能", $"老年人能力评估为{IncapacitatedMinLevel}级（中度失能）及以上的老年人"),
        new(PriorityGroup.ExtremePoverty, "特困", "经认定的特困人员"),
        new(PriorityGroup.LeftBehind, "留守", "子女外出、留守在家的老年人"),
        new(PriorityGroup.LostOnlyChild, "失独", "计划生育特殊家庭（独生子女死亡）的老年人"),
    ];

    public static IReadOnlyList<PriorityGroupInfo> Of(PriorityFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var groups = new List<PriorityGroupInfo>(All.Count);
        foreach (var g in All)
            if (IsIn(g.Group, facts)) groups.Add(g);
        return groups;
    }

    public static bool IsIn(PriorityGroup group, PriorityFacts facts) => group switch
    {
        PriorityGroup.AdvancedAgeAlone => facts.Age >= AdvancedAge && facts.Living == LivingArrangement.Alone,
        PriorityGroup.Incapacitated => facts.CapabilityLevel >= IncapacitatedMinLevel,
        PriorityGroup.ExtremePoverty => facts.Categories.Contains(ElderCategory.ExtremePoverty),
        PriorityGroup.LeftBehind => facts.Living == LivingArrangement.LeftBehind,
        PriorityGroup.LostOnlyChild => facts.Categories.Contains(ElderCategory.LostOnlyChild),
        _ => false,
    };

    public static string NameOf(PriorityGroup group) => All[(int)group].Name;
}
