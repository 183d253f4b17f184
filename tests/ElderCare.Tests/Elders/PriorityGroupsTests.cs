using ElderCare.Web.Features.Elders;

namespace ElderCare.Tests.Elders;

/// <summary>优先满足高龄、失能、特殊困难等老年人 (一、工作目标), and 留守老年人 (附件1).</summary>
public class PriorityGroupsTests
{
    private static IReadOnlyList<PriorityGroup> Groups(int age = 70, LivingArrangement living = LivingArrangement.WithFamily,
        ElderCategory[]? categories = null, int? level = null) =>
        [.. PriorityGroups.Of(new PriorityFacts(age, living, categories ?? [], level)).Select(g => g.Group)];

    [Theory]
    [InlineData(80, LivingArrangement.Alone, true)]
    [InlineData(92, LivingArrangement.Alone, true)]
    [InlineData(79, LivingArrangement.Alone, false)]
    [InlineData(85, LivingArrangement.EmptyNest, false)]
    [InlineData(85, LivingArrangement.WithFamily, false)]
    public void 年满80周岁且独居的为高龄独居(int age, LivingArrangement living, bool inGroup) =>
        Assert.Equal(inGroup, Groups(age, living).Contains(PriorityGroup.AdvancedAgeAlone));

    [Theory]
    [InlineData(null, false)]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public void 能力评估为2级中度失能及以上的为失能(int? level, bool inGroup) =>
        Assert.Equal(inGroup, Groups(level: level).Contains(PriorityGroup.Incapacitated));

    [Fact]
    public void 特困人员为特困() => Assert.Equal([PriorityGroup.ExtremePoverty], Groups(categories: [ElderCategory.ExtremePoverty]));

    [Fact]
    public void 留守老年人为留守() => Assert.Equal([PriorityGroup.LeftBehind], Groups(living: LivingArrangement.LeftBehind));

    [Fact]
    public void 失独老年人为失独() => Assert.Equal([PriorityGroup.LostOnlyChild], Groups(categories: [ElderCategory.LostOnlyChild]));

    [Fact]
    public void 低保_低保边缘_残疾_优抚不单独构成重点对象() =>
        Assert.Empty(Groups(categories: [ElderCategory.Subsistence, ElderCategory.LowIncomeEdge, ElderCategory.Disabled, ElderCategory.Entitled]));

    [Fact]
    public void 同时符合多项的全部列出_顺序固定()
    {
        var groups = PriorityGroups.Of(new PriorityFacts(86, LivingArrangement.Alone,
            [ElderCategory.LostOnlyChild, ElderCategory.ExtremePoverty], 3));
        Assert.Equal([PriorityGroup.AdvancedAgeAlone, PriorityGroup.Incapacitated, PriorityGroup.ExtremePoverty, PriorityGroup.LostOnlyChild],
            groups.Select(g => g.Group));
        Assert.Equal(["高龄独居", "失能", "特困", "失独"], groups.Select(g => g.Name));
        Assert.Equal("年满80周岁且独居的老年人", groups[0].Rule);
        Assert.Equal("老年人能力评估为2级（中度失能）及以上的老年人", groups[1].Rule);
    }

    [Fact]
    public void 每个重点对象都有中文名称和规则说明()
    {
        Assert.Equal(Enum.GetValues<PriorityGroup>(), PriorityGroups.All.Select(g => g.Group));
        Assert.Equal(["高龄独居", "失能", "特困", "留守", "失独"], PriorityGroups.All.Select(g => g.Name));
        Assert.All(PriorityGroups.All, g => Assert.False(string.IsNullOrWhiteSpace(g.Rule)));
        Assert.Equal("留守", PriorityGroups.NameOf(PriorityGroup.LeftBehind));
    }
}
