using ElderCare.Web.Features.Assessments;

namespace ElderCare.Tests.Assessments;

/// <summary>特困人员认定办法: 六项生活自理指标 (STANDARDS.md §8, thresholds [U]).</summary>
public class ExtremePovertySelfCareTests
{
    private static SelfCareIndicator[] First(int n) => [.. ExtremePovertySelfCare.Indicators.Take(n)];

    [Fact]
    public void 六项指标为自主吃饭_自主穿衣_自主上下床_自主如厕_室内自主行走_自主洗澡() =>
        Assert.Equal(["自主吃饭", "自主穿衣", "自主上下床", "自主如厕", "室内自主行走", "自主洗澡"],
            ExtremePovertySelfCare.Indicators.Select(ExtremePovertySelfCare.NameOf));

    [Fact]
    public void 六项指标全部达到的具备生活自理能力_全自理()
    {
        var r = ExtremePovertySelfCare.Assess([]);
        Assert.Equal(SelfCareAbility.Capable, r.Ability);
        Assert.Equal("具备生活自理能力", r.AbilityName);
        Assert.Equal("全自理", r.CareTier);
    }

    [Theory]
    [InlineData(1, SelfCareAbility.PartiallyLost, "部分丧失生活自理能力", "半护理")]
    [InlineData(2, SelfCareAbility.PartiallyLost, "部分丧失生活自理能力", "半护理")]
    [InlineData(3, SelfCareAbility.PartiallyLost, "部分丧失生活自理能力", "半护理")]
    [InlineData(4, SelfCareAbility.FullyLost, "完全丧失生活自理能力", "全护理")]
    [InlineData(5, SelfCareAbility.FullyLost, "完全丧失生活自理能力", "全护理")]
    [InlineData(6, SelfCareAbility.FullyLost, "完全丧失生活自理能力", "全护理")]
    public void 有3项以下指标不能达到的为部分丧失生活自理能力_半护理_4项以上的为完全丧失_全护理(int notAchieved, SelfCareAbility ability,
        string abilityName, string careTier)
    {
        var r = ExtremePovertySelfCare.Assess(First(notAchieved));
        Assert.Equal(ability, r.Ability);
        Assert.Equal(abilityName, r.AbilityName);
        Assert.Equal(careTier, r.CareTier);
        Assert.Equal(notAchieved, r.NotAchieved.Count);
    }

    [Fact]
    public void 同一指标重复填报只算一项()
    {
        var r = ExtremePovertySelfCare.Assess([SelfCareIndicator.Bathing, SelfCareIndicator.Bathing, SelfCareIndicator.Eating,
            SelfCareIndicator.Eating, SelfCareIndicator.Toileting, SelfCareIndicator.Toileting]);
        Assert.Equal([SelfCareIndicator.Eating, SelfCareIndicator.Toileting, SelfCareIndicator.Bathing], r.NotAchieved);
        Assert.Equal(SelfCareAbility.PartiallyLost, r.Ability);
        Assert.Throws<ArgumentOutOfRangeException>(() => ExtremePovertySelfCare.Assess([(SelfCareIndicator)9]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExtremePovertySelfCare.AbilityFor(7));
    }
}
