using ElderCare.Web.Features.Dashboard;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Plan;

namespace ElderCare.Tests.Dashboard;

/// <summary>建设进度：已建成 vs 规划 — cumulative planned facilities per year.</summary>
public class BuildProgressTests
{
    private static PlanLine Line(FacilityType type, int? existing, params (int? Year, int Count)[] years) => new()
    {
        UnitCode = "500153001", Type = type, Existing = existing,
        Years = years.Select(y => new PlanYear { Year = y.Year, Count = y.Count }).ToList(),
    };

    [Fact]
    public void 规划累计_现有数加截至当年的拟建数()
    {
        var line = Line(FacilityType.CommunityStation, 5, (2019, 1), (2020, 2));
        Assert.Equal(5, GetBuildProgress.PlannedBy(line, 2018));
        Assert.Equal(6, GetBuildProgress.PlannedBy(line, 2019));
        Assert.Equal(8, GetBuildProgress.PlannedBy(line, 2020));
        Assert.Equal(8, GetBuildProgress.PlannedBy(line, 2026));
    }

    [Fact]
    public void 年份待定的街道中心和社区站计入2020年_2020年底前街道和社区全覆盖()
    {
        Assert.Equal(0, GetBuildProgress.PlannedBy(Line(FacilityType.StreetCenter, 0, (null, 1)), 2019));
        Assert.Equal(1, GetBuildProgress.PlannedBy(Line(FacilityType.StreetCenter, 0, (null, 1)), 2020));
        Assert.Equal(3, GetBuildProgress.PlannedBy(Line(FacilityType.CommunityStation, null, (null, 3)), 2020));
    }

    [Fact]
    public void 年份待定的镇中心和村级点计入2022年_2022年底前镇和村全覆盖()
    {
        Assert.Equal(0, GetBuildProgress.PlannedBy(Line(FacilityType.TownCenter, 0, (null, 1)), 2021));
        Assert.Equal(1, GetBuildProgress.PlannedBy(Line(FacilityType.TownCenter, 0, (null, 1)), 2022));
        Assert.Equal(3, GetBuildProgress.PlannedBy(Line(FacilityType.VillagePoint, 3, (null, 6)), 2021));
        Assert.Equal(9, GetBuildProgress.PlannedBy(Line(FacilityType.VillagePoint, 3, (null, 6)), 2022));
    }

    [Fact]
    public void 各类设施分别累计()
    {
        var byType = GetBuildProgress.PlannedBy(
            [Line(FacilityType.StreetCenter, 0, (null, 1)), Line(FacilityType.VillagePoint, 4), Line(FacilityType.VillagePoint, 1, (2019, 1))], 2020);
        Assert.Equal(1, byType[FacilityType.StreetCenter]);
        Assert.Equal(0, byType[FacilityType.CommunityStation]);
        Assert.Equal(0, byType[FacilityType.TownCenter]);
        Assert.Equal(6, byType[FacilityType.VillagePoint]);
    }

    [Fact]
    public void 年份为2019至2022及其后每年直到统计年份_运营数取年底或统计日期_之后的年份未知()
    {
        var asOf = new DateOnly(2021, 3, 15);
        Assert.Equal([2019, 2020, 2021, 2022], GetBuildProgress.YearsFor(asOf));
        Assert.Equal([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026], GetBuildProgress.YearsFor(new DateOnly(2026, 11, 29)));
        Assert.Equal(new DateOnly(2020, 12, 31), GetBuildProgress.OperatingDate(2020, asOf));
        Assert.Equal(asOf, GetBuildProgress.OperatingDate(2021, asOf));
        Assert.Null(GetBuildProgress.OperatingDate(2022, asOf));
    }
}
