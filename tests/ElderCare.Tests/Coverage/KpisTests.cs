using ElderCare.Web.Data.Seed;
using ElderCare.Web.Features.Coverage;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;

namespace ElderCare.Tests.Coverage;

/// <summary>一、工作目标 and 二(五): each KPI over facilities operating on the date.</summary>
public class KpisTests
{
    private static readonly List<KpiTarget> Targets = RongchangSeed.KpiTargets().ToList();

    private static OperatingFacts Facts(FacilityType t, int count, int socialized = 0, int medical = 0, int integrated = 0, int beds = 0,
        int nursing = 0) =>
        new(t, count, socialized, medical, integrated, beds, nursing);

    private static Kpi Get(IEnumerable<Kpi> kpis, string key) => kpis.Single(k => k.Key == key);

    private static IReadOnlyList<Kpi> Compute(params OperatingFacts[] facts) => Kpis.Compute(facts, [], Targets);

    [Fact]
    public void 城市养老服务设施社会化运营率不低于90百分比_街道中心和社区站中非公办公营的比例()
    {
        var k = Get(Compute(Facts(FacilityType.StreetCenter, 2, socialized: 2), Facts(FacilityType.CommunityStation, 8, socialized: 7),
            Facts(FacilityType.VillagePoint, 10, socialized: 0)), Kpis.SocializedUrban);
        Assert.Equal(0.9, k.Value);
        Assert.Equal(0.9, k.Target);
        Assert.Equal(new DateOnly(2022, 12, 31), k.Deadline);
        Assert.True(k.Met);
    }

    [Fact]
    public void 农村养老服务设施社会化运营率不低于60百分比_镇中心和村级点中非公办公营的比例()
    {
        var k = Get(Compute(Facts(FacilityType.TownCenter, 5, socialized: 3), Facts(FacilityType.VillagePoint, 5, socialized: 2)),
            Kpis.SocializedRural);
        Assert.Equal(0.5, k.Value);
        Assert.False(k.Met);
    }

    [Fact]
    public void 具备医养服务能力的设施达到100百分比()
    {
        var all = Get(Compute(Facts(FacilityType.StreetCenter, 3, medical: 3), Facts(FacilityType.VillagePoint, 2, medical: 2)),
            Kpis.MedicalCareCapability);
        Assert.Equal(1.0, all.Value);
        Assert.True(all.Met);
        var most = Get(Compute(Facts(FacilityType.StreetCenter, 3, medical: 3), Facts(FacilityType.VillagePoint, 2, medical: 1)),
            Kpis.MedicalCareCapability);
        Assert.Equal(0.8, most.Value);
        Assert.False(most.Met);
    }

    [Fact]
    public void 护理型床位占比不低于50百分比()
    {
        var k = Get(Compute(Facts(FacilityType.StreetCenter, 1, beds: 40, nursing: 20), Facts(FacilityType.TownCenter, 1, beds: 60, nursing: 29)),
            Kpis.NursingBedShare);
        Assert.Equal(0.49, k.Value);
        Assert.False(k.Met);
    }

    [Fact]
    public void 社区医养结合型机构不少于5个()
    {
        var k = Get(Compute(Facts(FacilityType.StreetCenter, 6, integrated: 2), Facts(FacilityType.TownCenter, 4, integrated: 3)),
            Kpis.MedicalCareInstitutions);
        Assert.Equal(5, k.Value);
        Assert.Equal("count", k.Unit);
        Assert.True(k.Met);
    }

    [Fact]
    public void 无运营设施时比例没有数值且不算达标()
    {
        var k = Get(Compute(), Kpis.SocializedUrban);
        Assert.Null(k.Value);
        Assert.False(k.Met);
    }

    [Fact]
    public void 覆盖率_各镇街运营数不超过应建数之和除以应建数之和_2020年底街道社区全覆盖()
    {
        UnitCoverage U(RegionKind kind, int? communities, int stations, int centres) => CoverageRules.Compute(
            CoverageRulesTests.Unit(kind, communities, villages: 0,
                operating: new() { [FacilityType.CommunityStation] = stations, [FacilityType.StreetCenter] = centres,
                    [FacilityType.TownCenter] = centres }));
        // 5 stations in a street of 3 communities count as 3, not 5; a unit with no community count stays out.
        var units = new[] { U(RegionKind.Street, 3, 5, 1), U(RegionKind.Street, 4, 1, 0), U(RegionKind.Town, null, 2, 1) };
        var kpis = Kpis.Compute([], units, Targets);
        Assert.Equal(Math.Round(4.0 / 7, 4), Get(kpis, Kpis.CommunityStationCoverage).Value);
        Assert.Equal(0.5, Get(kpis, Kpis.StreetCenterCoverage).Value);
        Assert.Equal(1.0, Get(kpis, Kpis.TownCenterCoverage).Value);
        Assert.Equal(new DateOnly(2020, 12, 31), Get(kpis, Kpis.StreetCenterCoverage).Deadline);
        Assert.Equal(new DateOnly(2022, 12, 31), Get(kpis, Kpis.TownCenterCoverage).Deadline);
    }

    [Fact]
    public void 每个指标都有中文名称和文字定义()
    {
        Assert.Equal(12, Kpis.Definitions.Count);
        Assert.All(Kpis.Definitions, d => Assert.Contains(Targets.Concat(Kpis.PlaceholderTargets), t => t.Key == d.Key));
        Assert.All(Compute(), k => Assert.False(string.IsNullOrWhiteSpace(k.Definition)));
    }

    [Fact]
    public void 镇街只看适用于本镇街的目标_街道无镇中心和村级点_镇无街道中心()
    {
        // 一、工作目标: 街道（城市）建街道养老服务中心和社区养老服务站，镇（农村）建镇养老服务中心和村级互助养老点。
        Assert.True(Kpis.AppliesTo(Kpis.StreetCenterCoverage, RegionKind.Street));
        Assert.False(Kpis.AppliesTo(Kpis.StreetCenterCoverage, RegionKind.Town));
        Assert.False(Kpis.AppliesTo(Kpis.TownCenterCoverage, RegionKind.Street));
        Assert.False(Kpis.AppliesTo(Kpis.VillagePointCoverage, RegionKind.Street));
        Assert.False(Kpis.AppliesTo(Kpis.SocializedRural, RegionKind.Street));
        Assert.True(Kpis.AppliesTo(Kpis.CommunityStationCoverage, RegionKind.Town)); // the stations of a town's seat
        Assert.All(new[] { Kpis.MedicalCareCapability, Kpis.NursingBedShare, Kpis.PriorityEldersServed },
            k => Assert.True(Kpis.AppliesTo(k, RegionKind.Street) && Kpis.AppliesTo(k, RegionKind.Town)));
        // Every KPI sits in exactly one dashboard group.
        Assert.Equal(Kpis.Definitions.Select(d => d.Key).Order(), Kpis.Groups.SelectMany(g => g.Keys).Order());
    }

    [Fact]
    public void 一刻钟服务圈内重点老年人占比_有坐标的重点老年人中步行15分钟可达达标设施的比例_目标待确认()
    {
        // 二(四) 一刻钟便捷养老服务圈: the policy names the circle but gives no figure, so the target is a placeholder (ADR 23).
        var k = Get(Kpis.Compute([], [], Targets, circle: (Priority: 8, Within: 6)), Kpis.PriorityEldersInCircle);
        Assert.Equal(("一刻钟服务圈内重点老年人占比", 0.75), (k.Name, k.Value));
        Assert.True(k.PlaceholderTarget);
        Assert.Equal(0.9, k.Target);
        Assert.False(k.Met);
        Assert.Contains("待确认", k.Definition, StringComparison.Ordinal);
        Assert.Equal("no-data", Get(Compute(), Kpis.PriorityEldersInCircle).Status); // no priority elder with a home yet
        // A target the district seeds replaces the placeholder.
        var seeded = Targets.Append(new KpiTarget
        {
            Key = Kpis.PriorityEldersInCircle, EffectiveFrom = new DateOnly(2021, 1, 1), Target = 0.7, Deadline = new DateOnly(2025, 12, 31),
            Source = "区民政局",
        }).ToList();
        var confirmed = Get(Kpis.Compute([], [], seeded, circle: (8, 6)), Kpis.PriorityEldersInCircle);
        Assert.Equal((false, true, 0.7), (confirmed.PlaceholderTarget, confirmed.Met, confirmed.Target));
        Assert.All(Compute().Where(x => x.Key != Kpis.PriorityEldersInCircle), x => Assert.False(x.PlaceholderTarget));
    }
}
