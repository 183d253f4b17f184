using ElderCare.Web.Features.Coverage;
using ElderCare.Web.Features.Dashboard;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;

namespace ElderCare.Tests.Dashboard;

/// <summary>The dashboard's traffic light per street or town.</summary>
public class CoverageLightsTests
{
    private static UnitCoverage Unit(bool covered, params string[] gapKinds) => new(
        "500153001", "昌元街道", RegionKind.Street, new Dictionary<string, TypeCoverage>(), covered,
        gapKinds.Select(k => new Gap(FacilityType.CommunityStation, k, 1, k)).ToList());

    [Fact]
    public void 已全覆盖为绿() => Assert.Equal(CoverageLight.Green, CoverageLights.Of(Unit(covered: true)));

    [Fact]
    public void 尚未覆盖但规划可覆盖为黄() => Assert.Equal(CoverageLight.Amber, CoverageLights.Of(Unit(covered: false, "operating")));

    [Fact]
    public void 规划本身不足为红() => Assert.Equal(CoverageLight.Red, CoverageLights.Of(Unit(covered: false, "operating", "plan")));

    [Fact]
    public void 社区数或行政村数未录入无法判断为红() => Assert.Equal(CoverageLight.Red, CoverageLights.Of(Unit(covered: false, "unknown")));
}
