using ElderCare.Web.Features.Coverage;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;

namespace ElderCare.Tests.Coverage;

/// <summary>一、工作目标 / 二(一): 一街道一中心、一社区一站、一镇一中心、一村一点.</summary>
public class CoverageRulesTests
{
    internal static UnitFacts Unit(RegionKind kind = RegionKind.Street, int? communities = 3, int? villages = 2,
        int registeredCommunities = 0, int registeredVillages = 0,
        Dictionary<FacilityType, int>? operating = null, Dictionary<FacilityType, int>? planned = null) =>
        new("500153001", "昌元街道", kind, communities, villages, registeredCommunities, registeredVillages,
            operating ?? [], planned ?? []);

    [Fact]
    public void 每个街道至少建设1个街道养老服务中心_镇不需要街道中心()
    {
        Assert.Equal(1, CoverageRules.Required(Unit(RegionKind.Street), FacilityType.StreetCenter));
        Assert.Equal(0, CoverageRules.Required(Unit(RegionKind.Street), FacilityType.TownCenter));
        Assert.Equal(1, CoverageRules.Required(Unit(RegionKind.Town), FacilityType.TownCenter));
        Assert.Equal(0, CoverageRules.Required(Unit(RegionKind.Town), FacilityType.StreetCenter));
    }

    [Fact]
    public void 每个社区至少建设1个社区养老服务站_取录入社区数与已登记社区数的较大者()
    {
        Assert.Equal(3, CoverageRules.Required(Unit(communities: 3, registeredCommunities: 2), FacilityType.CommunityStation));
        Assert.Equal(4, CoverageRules.Required(Unit(communities: 3, registeredCommunities: 4), FacilityType.CommunityStation));
        Assert.Equal(2, CoverageRules.Required(Unit(communities: null, registeredCommunities: 2), FacilityType.CommunityStation));
        Assert.Null(CoverageRules.Required(Unit(communities: null), FacilityType.CommunityStation));
    }

    [Fact]
    public void 每个行政村至少建设1个村级互助养老点()
    {
        Assert.Equal(8, CoverageRules.Required(Unit(villages: 8), FacilityType.VillagePoint));
        Assert.Equal(0, CoverageRules.Required(Unit(villages: 0), FacilityType.VillagePoint));
    }

    [Fact]
    public void 全覆盖_每类设施运营数不少于应建数()
    {
        var u = Unit(communities: 2, villages: 1, operating: new()
        {
            [FacilityType.StreetCenter] = 1, [FacilityType.CommunityStation] = 2, [FacilityType.VillagePoint] = 1,
        });
        var c = CoverageRules.Compute(u);
        Assert.True(c.Covered);
        Assert.DoesNotContain(c.Gaps, g => g.Kind == "operating");
    }

    [Fact]
    public void 运营数不足应建数时列为缺口()
    {
        var c = CoverageRules.Compute(Unit(communities: 3, villages: 2, operating: new() { [FacilityType.CommunityStation] = 1 }));
        Assert.False(c.Covered);
        var station = c.Gaps.Single(g => g.Type == FacilityType.CommunityStation && g.Kind == "operating");
        Assert.Equal(2, station.Missing);
        Assert.Equal("社区养老服务站应有3个，运营且达标1个，缺2个", station.Message);
        Assert.Equal(1, c.Gaps.Single(g => g.Type == FacilityType.StreetCenter).Missing);
    }

    [Fact]
    public void 峰高街道8个行政村_规划建成后仅7个互助点_列为规划缺口()
    {
        var c = CoverageRules.Compute(Unit(villages: 8, planned: new() { [FacilityType.VillagePoint] = 7 }));
        var gap = c.Gaps.Single(g => g.Type == FacilityType.VillagePoint && g.Kind == "plan");
        Assert.Equal(1, gap.Missing);
        Assert.Contains("按规划建成后7个", gap.Message);
    }

    [Fact]
    public void 社区数未录入时无法判断_列为待录入缺口且不算全覆盖()
    {
        var c = CoverageRules.Compute(Unit(communities: null, villages: 0, operating: new() { [FacilityType.StreetCenter] = 1 }));
        Assert.False(c.Covered);
        Assert.Contains(c.Gaps, g => g.Type == FacilityType.CommunityStation && g.Kind == "unknown");
        Assert.Null(c.Of(FacilityType.CommunityStation).Required);
    }
}
