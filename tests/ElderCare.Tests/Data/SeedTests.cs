using ElderCare.Web.Data.Seed;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;

namespace ElderCare.Tests.Data;

/// <summary>The seed reproduces what the policy's attachments fix (POLICY.md, 附件2/附件3).</summary>
public class SeedTests
{
    [Fact]
    public void 荣昌区6个街道15个镇_代码500153001至500153021()
    {
        Assert.Equal(21, RongchangSeed.Units.Count);
        Assert.Equal(6, RongchangSeed.Units.Count(u => u.Kind == RegionKind.Street));
        Assert.Equal(15, RongchangSeed.Units.Count(u => u.Kind == RegionKind.Town));
        Assert.All(RongchangSeed.Units, u => Assert.Matches("^5001530(0[1-9]|1[0-9]|2[01])$", u.Code));
        Assert.Contains(RongchangSeed.Units, u => u.Name == "峰高街道" && u.Villages == 8);
    }

    [Fact]
    public void 附件3_全区92个行政村_现有互助点60个_拟建32个()
    {
        var points = RongchangSeed.PlanLines().Where(l => l.Type == FacilityType.VillagePoint).ToList();
        Assert.Equal(92, RongchangSeed.Units.Sum(u => u.Villages));
        Assert.Equal(60, points.Sum(l => l.Existing));
        Assert.Equal(32, points.Sum(l => l.PlannedToBuild));
    }

    [Fact]
    public void 附件2_社区养老服务站现有35个拟建30个_街道部分现有19个拟建18个()
    {
        var streets = RongchangSeed.Units.Where(u => u.Kind == RegionKind.Street).Select(u => u.Code).ToHashSet();
        var stations = RongchangSeed.PlanLines().Where(l => l.Type == FacilityType.CommunityStation).ToList();
        Assert.Equal(19, stations.Where(l => streets.Contains(l.UnitCode)).Sum(l => l.Existing));
        Assert.Equal(18, stations.Where(l => streets.Contains(l.UnitCode)).Sum(l => l.PlannedToBuild));
        Assert.Equal(35 + 30, stations.Sum(l => l.TotalWhenDone));
        Assert.All(stations.Where(l => !streets.Contains(l.UnitCode)), l => Assert.True(l.ToConfirm && l.Existing is null));
    }

    [Fact]
    public void 每个街道规划1个街道中心_每个镇规划1个镇中心_年份待区里确认()
    {
        var centres = RongchangSeed.PlanLines().Where(l => l.Type is FacilityType.StreetCenter or FacilityType.TownCenter).ToList();
        Assert.Equal(6, centres.Count(l => l.Type == FacilityType.StreetCenter && l.PlannedToBuild == 1));
        Assert.Equal(15, centres.Count(l => l.Type == FacilityType.TownCenter && l.PlannedToBuild == 1));
        Assert.All(centres, l => Assert.True(l.ToConfirm && l.Years.All(y => y.Year is null)));
    }

    [Fact]
    public void 规划本身留下的缺口_峰高街道8村7点_盘龙镇12村9点()
    {
        int WhenDone(string name) => RongchangSeed.PlanLines()
            .Single(l => l.Type == FacilityType.VillagePoint && l.UnitCode == RongchangSeed.Units.Single(u => u.Name == name).Code).TotalWhenDone;
        Assert.Equal(7, WhenDone("峰高街道"));
        Assert.Equal(9, WhenDone("盘龙镇"));
    }

    [Fact]
    public void 附件1四类设施各有一版建设标准_自政策印发之日起生效()
    {
        var standards = RongchangSeed.Attachment1().ToList();
        Assert.Equal(4, standards.Count);
        Assert.All(standards, s => Assert.Equal(RongchangSeed.PolicyDate, s.EffectiveFrom));
        Assert.Equal(7, standards.Single(s => s.Type == FacilityType.StreetCenter).RequiredZones.Count);
    }
}
