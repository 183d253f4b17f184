using ElderCare.Web.Data.Seed;
using ElderCare.Web.Features.Dashboard;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Plan;

namespace ElderCare.Tests.Plan;

/// <summary>附件2、附件3 合计行 against the unit rows as seeded (POLICY.md).</summary>
public class PlanTotalChecksTests
{
    private static readonly List<PlanLine> Lines = RongchangSeed.PlanLines().ToList();
    private static readonly List<PlanTotal> Totals = RongchangSeed.PlanTotals().ToList();

    private static PlanTotalCheck Of(FacilityType t) => PlanTotalChecks.Check(Lines, Totals).Single(c => c.Type == t);

    [Fact]
    public void 附件2合计_街道中心现有0个_2019年拟建2个_2020年拟建4个()
    {
        var c = Of(FacilityType.StreetCenter);
        Assert.Equal(0, c.DistrictExisting);
        Assert.Equal(new Dictionary<int, int> { [2019] = 2, [2020] = 4 }, c.DistrictByYear);
        Assert.Equal(6, c.UnitsPlanned);
        Assert.Equal(6, c.UnitsUnscheduled);
        Assert.Equal(PlanTotalChecks.ToConfirm, c.Status); // the six streets' years are not known
    }

    [Fact]
    public void 附件2合计_社区站现有35个_拟建12加18个_镇的28个站为现有或规划待确认_合计16个现有加12个拟建()
    {
        var c = Of(FacilityType.CommunityStation);
        Assert.Equal(35, c.DistrictExisting);
        Assert.Equal(30, c.DistrictPlanned);
        Assert.Equal(19, c.UnitsExisting);          // the six streets
        Assert.Equal(18, c.UnitsPlanned);
        Assert.Equal(28, c.UnitsExistingOrPlanned); // the towns: 16 existing + 12 planned together
        Assert.Equal(65, c.UnitsWhenDone);
        Assert.Equal(PlanTotalChecks.ToConfirm, c.Status);
        Assert.Contains("各单位合计 19 个社区养老服务站（现有）、28 个（现有或规划，待确认），区级合计 35 个", c.Messages);
    }

    [Fact]
    public void 附件3合计_镇中心2019至2022年拟建2_5_4_4个_村级点现有60个每年拟建8个()
    {
        var town = Of(FacilityType.TownCenter);
        Assert.Equal(new Dictionary<int, int> { [2019] = 2, [2020] = 5, [2021] = 4, [2022] = 4 }, town.DistrictByYear);
        Assert.Equal(15, town.UnitsPlanned);
        var points = Of(FacilityType.VillagePoint);
        Assert.Equal(60, points.DistrictExisting);
        Assert.Equal(60, points.UnitsExisting);
        Assert.Equal(32, points.UnitsPlanned);
        Assert.Equal(PlanTotalChecks.ToConfirm, points.Status); // years per unit unknown
    }

    [Fact]
    public void 各单位合计少于区级合计时不一致_并写明两个数()
    {
        var lines = new List<PlanLine> { new() { UnitCode = "500153001", Type = FacilityType.CommunityStation, Existing = 33 } };
        var totals = new List<PlanTotal> { new() { Type = FacilityType.CommunityStation, Count = 35, Source = "附件2 合计行" } };
        var c = PlanTotalChecks.Check(FacilityType.CommunityStation, lines, totals);
        Assert.Equal(PlanTotalChecks.Differs, c.Status);
        Assert.Contains("各单位合计 33 个社区养老服务站（现有），区级合计 35 个", c.Messages);
    }

    [Fact]
    public void 全区规划累计按合计行_2019至2022年底分别为119_154_166_178个()
    {
        int Total(int year) => GetBuildProgress.PlannedBy(Lines, Totals, year).Values.Sum();
        Assert.Equal(119, Total(2019)); // 2 + (35+12) + 2 + (60+8)
        Assert.Equal(154, Total(2020)); // 6 + 65 + 7 + 76
        Assert.Equal(166, Total(2021)); // 6 + 65 + 11 + 84
        Assert.Equal(178, Total(2022)); // 6 + 65 + 15 + 92
    }

    [Fact]
    public void 一个镇街只按本单位的规划行累计_现有或规划的站计入2020年()
    {
        var panlong = Lines.Where(l => l.UnitCode == "500153009").ToList();
        var by2020 = GetBuildProgress.PlannedBy(panlong, [], 2020);
        Assert.Equal(4, by2020[FacilityType.CommunityStation]); // "1 1 2": existing or planned
        Assert.Equal(3, by2020[FacilityType.VillagePoint]);
    }
}
