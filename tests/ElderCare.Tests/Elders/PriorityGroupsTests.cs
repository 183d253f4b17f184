using ElderCare.Web.Features.Elders;

namespace ElderCare.Tests.Elders;

/// <summary>
/// 优先满足高龄、失能、特殊困难等老年人 (一、工作目标), 半失能 and 留守老年人 (附件1): the seeded rules (ADR 0018).
/// </summary>
public class PriorityGroupsTests
{
    private static IReadOnlyList<PriorityGroup> Groups(int age = 70, LivingArrangement living = LivingArrangement.WithFamily,
        ElderCategory[]? categories = null, int? level = null) =>
        [.. PriorityGroups.Of(new PriorityFacts(age, living, categories ?? [], level)).Select(g => g.Group)];

    [Theory]
    [InlineData(80, LivingArrangement.Alone, true)]
    [InlineData(86, LivingArrangement.WithFamily, true)]
    [InlineData(92, LivingArrangement.EmptyNest, true)]
    [InlineData(79, LivingArrangement.Alone, false)]
    public void 年满80周岁的为高龄_不论是否独居(int age, LivingArrangement living, bool inGroup) =>
        Assert.Equal(inGroup, Groups(age, living).Contains(PriorityGroup.AdvancedAgeAlone));

    [Theory]
    [InlineData(null, false)]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(4, true)]
    public void 能力评估为2级中度失能及以上的为失能(int? level, bool inGroup) =>
        Assert.Equal(inGroup, Groups(level: level).Contains(PriorityGroup.Incapacitated));

    [Theory]
    [InlineData(null, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void 能力评估为1级的为半失能_单独成组(int? level, bool inGroup) =>
        Assert.Equal(inGroup, Groups(level: level).Contains(PriorityGroup.SemiIncapacitated));

    [Fact]
    public void 特困人员为特困() => Assert.Equal([PriorityGroup.ExtremePoverty], Groups(categories: [ElderCategory.ExtremePoverty]));

    [Fact]
    public void 低保和低保边缘为一组() =>
        Assert.Equal([PriorityGroup.Subsistence], Groups(categories: [ElderCategory.LowIncomeEdge]));

    [Fact]
    public void 留守老年人为留守() => Assert.Equal([PriorityGroup.LeftBehind], Groups(living: LivingArrangement.LeftBehind));

    [Theory]
    [InlineData(LivingArrangement.Alone)]
    [InlineData(LivingArrangement.EmptyNest)]
    public void 独居或空巢为一组(LivingArrangement living) => Assert.Equal([PriorityGroup.LivingAlone], Groups(living: living));

    [Fact]
    public void 失独老年人为失独() => Assert.Equal([PriorityGroup.LostOnlyChild], Groups(categories: [ElderCategory.LostOnlyChild]));

    [Fact]
    public void 残疾老年人为残疾_优抚不构成重点人群()
    {
        Assert.Equal([PriorityGroup.Disabled], Groups(categories: [ElderCategory.Disabled]));
        Assert.Empty(Groups(categories: [ElderCategory.Entitled]));
    }

    [Fact]
    public void 同时符合多项的全部列出_顺序固定()
    {
        var groups = PriorityGroups.Of(new PriorityFacts(86, LivingArrangement.Alone,
            [ElderCategory.LostOnlyChild, ElderCategory.ExtremePoverty], 3));
        Assert.Equal(["高龄", "失能", "特困", "失独", "独居/空巢"], groups.Select(g => g.Name));
        Assert.Equal("年满80周岁的老年人", groups[0].Rule);
        Assert.Equal("能力评估为2级及以上的老年人", groups[1].Rule);
    }

    [Fact]
    public void 每个重点人群都有中文名称和规则说明()
    {
        Assert.Equal(Enum.GetValues<PriorityGroup>(), PriorityGroups.All.Select(g => g.Group));
        Assert.Equal(["高龄", "失能", "特困", "留守", "失独", "半失能", "低保/低保边缘", "独居/空巢", "残疾"], PriorityGroups.All.Select(g => g.Name));
        Assert.All(PriorityGroups.All, g => Assert.False(string.IsNullOrWhiteSpace(g.Rule)));
    }

    [Fact]
    public void 规则按生效日期取最新_停用的人群自生效日起不再列入()
    {
        var from = new DateOnly(2020, 1, 3);
        var seeded = PriorityGroups.Defaults(from).ToList();
        var raised = new PriorityRule { Group = PriorityGroup.AdvancedAgeAlone, EffectiveFrom = new(2027, 1, 1), Name = "高龄", MinAge = 85,
            Source = "区民政局调整" };
        var off = new PriorityRule { Group = PriorityGroup.Disabled, EffectiveFrom = new(2027, 1, 1), Name = "残疾", Active = false,
            Categories = [ElderCategory.Disabled], Source = "区民政局调整" };
        List<PriorityRule> rules = [.. seeded, raised, off];
        var facts = new PriorityFacts(82, LivingArrangement.WithFamily, [ElderCategory.Disabled], null);
        Assert.Equal(["高龄", "残疾"], PriorityGroups.Of(facts, PriorityGroups.InForce(rules, new(2026, 12, 31))).Select(g => g.Name));
        Assert.Empty(PriorityGroups.Of(facts, PriorityGroups.InForce(rules, new(2027, 1, 1))));
    }
}
