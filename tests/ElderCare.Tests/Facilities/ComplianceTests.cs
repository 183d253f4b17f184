using ElderCare.Web.Data.Seed;
using ElderCare.Web.Features.Facilities;

namespace ElderCare.Tests.Facilities;

/// <summary>附件1 建设标准, checked with the standards as seeded from the policy.</summary>
public class ComplianceTests
{
    private static ConstructionStandard Standard(FacilityType t) => RongchangSeed.Attachment1().Single(s => s.Type == t);

    private static Facility Facility(FacilityType type, double area = 0, int beds = 0, int nursing = 0, int dayCare = 0,
        Zone[]? zones = null, bool small = false, bool colocated = false) => new()
    {
        Name = "测试设施", Type = type, RegionCode = "500153001", UnitCode = "500153001", FloorArea = area,
        Beds = new Beds { Total = beds, Nursing = nursing, DayCare = dayCare }, Zones = [.. zones ?? []],
        SmallCommunity = small, ColocatedWithHealthStation = colocated,
    };

    private static readonly Zone[] StreetZones =
        [Zone.Leisure, Zone.Education, Zone.DailyCare, Zone.Health, Zone.HumanisticCare, Zone.ResidentialCare, Zone.Operations];
    private static readonly Zone[] StationZones = [Zone.Leisure, Zone.Education, Zone.DailyCare, Zone.Health];
    private static readonly Zone[] TownZones = [Zone.Leisure, Zone.DailyCare, Zone.ResidentialCare, Zone.MedicalRehab];

    private static Finding Rule(ComplianceReport r, string rule) => r.Findings.Single(f => f.Rule == rule);

    [Theory]
    [InlineData(1500, true)]
    [InlineData(1499.5, false)]
    public void 街道养老服务中心建筑面积不低于1500平方米(double area, bool passes)
    {
        var r = Compliance.Check(Facility(FacilityType.StreetCenter, area, beds: 20, zones: StreetZones), Standard(FacilityType.StreetCenter));
        var f = Rule(r, "min-floor-area");
        Assert.Equal(passes, f.Passed);
        Assert.Equal(Severity.Required, f.Severity);
        Assert.StartsWith("街道养老服务中心建筑面积不低于1500平方米", f.Message);
        Assert.Equal(passes, r.Compliant);
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(19, false)]
    public void 街道中心托养护理区应设置20张以上养老服务床位(int beds, bool passes)
    {
        var r = Compliance.Check(Facility(FacilityType.StreetCenter, 1600, beds: beds, zones: StreetZones), Standard(FacilityType.StreetCenter));
        Assert.Equal(passes, Rule(r, "min-beds").Passed);
        Assert.Equal(passes, r.Compliant);
    }

    [Fact]
    public void 街道中心应设置休闲娱乐等七个功能区域_缺一即不达标()
    {
        var full = Compliance.Check(Facility(FacilityType.StreetCenter, 1600, beds: 20, zones: StreetZones), Standard(FacilityType.StreetCenter));
        Assert.True(Rule(full, "required-zones").Passed);
        Assert.True(full.Compliant);

        var r = Compliance.Check(Facility(FacilityType.StreetCenter, 1600, beds: 20, zones: StreetZones[..6]), Standard(FacilityType.StreetCenter));
        var f = Rule(r, "required-zones");
        Assert.False(f.Passed);
        Assert.Contains("缺少运营管理区", f.Message);
        Assert.False(r.Compliant);
    }

    [Theory]
    [InlineData(300, false, true)]
    [InlineData(299, false, false)]
    [InlineData(200, true, true)]
    [InlineData(199, true, false)]
    public void 社区养老服务站建筑面积不低于300平方米_老年人口较少的社区不低于200平方米(double area, bool small, bool passes)
    {
        var r = Compliance.Check(Facility(FacilityType.CommunityStation, area, zones: StationZones, small: small),
            Standard(FacilityType.CommunityStation));
        Assert.Equal(passes, Rule(r, "min-floor-area").Passed);
        Assert.Equal(passes, r.Compliant);
    }

    [Fact]
    public void 社区站有条件的可设置日间照料床位_只是建议项()
    {
        var without = Compliance.Check(Facility(FacilityType.CommunityStation, 300, zones: StationZones), Standard(FacilityType.CommunityStation));
        var f = Rule(without, "day-care-beds");
        Assert.False(f.Passed);
        Assert.Equal(Severity.Advisory, f.Severity);
        Assert.True(without.Compliant);

        var with = Compliance.Check(Facility(FacilityType.CommunityStation, 300, beds: 5, dayCare: 5, zones: StationZones),
            Standard(FacilityType.CommunityStation));
        Assert.True(Rule(with, "day-care-beds").Passed);
    }

    [Theory]
    [InlineData(800, true)]
    [InlineData(799, false)]
    public void 镇养老服务中心建筑面积不低于800平方米(double area, bool passes)
    {
        var r = Compliance.Check(Facility(FacilityType.TownCenter, area, zones: TownZones), Standard(FacilityType.TownCenter));
        Assert.Equal(passes, Rule(r, "min-floor-area").Passed);
        Assert.StartsWith("镇养老服务中心建筑面积不低于800平方米", Rule(r, "min-floor-area").Message);
        Assert.Equal(passes, r.Compliant);
    }

    /// <summary>
    /// 社区站应设置休闲娱乐、文化教育、生活照料、健康管理四个功能区; 镇中心应设置休闲娱乐、生活照料、托养护理、医疗康复四个功能区.
    /// </summary>
    [Theory]
    [InlineData(FacilityType.CommunityStation, 300, new[] { Zone.Leisure, Zone.Education, Zone.DailyCare }, "健康管理区")]
    [InlineData(FacilityType.TownCenter, 900, new[] { Zone.Leisure, Zone.DailyCare, Zone.ResidentialCare }, "医疗康复区")]
    public void 社区站和镇中心缺少应设置的功能区时不符合标准并指出缺的区(FacilityType type, double area, Zone[] zones, string missing)
    {
        var r = Compliance.Check(Facility(type, area, zones: zones), Standard(type));
        Assert.False(Rule(r, "required-zones").Passed);
        Assert.Contains(missing, Rule(r, "required-zones").Message);
        Assert.False(r.Compliant);
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(19, false)]
    public void 镇中心有条件的应设置20张以上护理型床位_只是建议项(int nursing, bool passes)
    {
        var r = Compliance.Check(Facility(FacilityType.TownCenter, 900, beds: 40, nursing: nursing, zones: TownZones),
            Standard(FacilityType.TownCenter));
        var f = Rule(r, "nursing-beds");
        Assert.Equal(passes, f.Passed);
        Assert.Equal(Severity.Advisory, f.Severity);
        Assert.True(r.Compliant);
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(0, false)]
    public void 村级互助养老点应有专用活动用房(double area, bool passes)
    {
        var r = Compliance.Check(Facility(FacilityType.VillagePoint, area), Standard(FacilityType.VillagePoint));
        Assert.Equal(passes, Rule(r, "dedicated-room").Passed);
        Assert.Equal(passes, r.Compliant);
    }

    [Theory]
    [InlineData(FacilityType.StreetCenter)]
    [InlineData(FacilityType.CommunityStation)]
    [InlineData(FacilityType.TownCenter)]
    public void 中心和站宜与社区卫生服务站同址或毗邻_只是建议项(FacilityType type)
    {
        var apart = Compliance.Check(Facility(type, 2000, beds: 30, zones: StreetZones.Concat(TownZones).Distinct().ToArray()), Standard(type));
        Assert.False(Rule(apart, "colocated-health-station").Passed);
        Assert.Equal(Severity.Advisory, Rule(apart, "colocated-health-station").Severity);
        Assert.True(apart.Compliant);
        var together = Compliance.Check(Facility(type, 2000, beds: 30, zones: StreetZones, colocated: true), Standard(type));
        Assert.True(Rule(together, "colocated-health-station").Passed);
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void 中心带站_一个街道中心宜统筹约10个社区站(int stations, bool passes)
    {
        var r = Compliance.Check(Facility(FacilityType.StreetCenter, 1600, beds: 20, zones: StreetZones), Standard(FacilityType.StreetCenter),
            stations);
        Assert.Equal(passes, !r.Findings.Any(f => f.Rule == "hub-span"));
        Assert.True(r.Compliant);
    }

    [Fact]
    public void 标准是带生效日期的数据_取检查日已生效的最新一版()
    {
        var older = new ConstructionStandard { Type = FacilityType.TownCenter, EffectiveFrom = new(2020, 1, 3), MinFloorArea = 800, Source = "旧" };
        var newer = new ConstructionStandard { Type = FacilityType.TownCenter, EffectiveFrom = new(2025, 1, 1), MinFloorArea = 1000, Source = "新" };
        Assert.Same(older, ConstructionStandard.EffectiveOn([older, newer], FacilityType.TownCenter, new(2024, 12, 31)));
        Assert.Same(newer, ConstructionStandard.EffectiveOn([older, newer], FacilityType.TownCenter, new(2025, 1, 1)));
        Assert.Null(ConstructionStandard.EffectiveOn([older, newer], FacilityType.TownCenter, new(2019, 1, 1)));

        var r = Compliance.Check(Facility(FacilityType.TownCenter, 900, zones: TownZones), newer);
        Assert.False(Rule(r, "min-floor-area").Passed);
        Assert.Contains("1000平方米", Rule(r, "min-floor-area").Message);
    }
}
