using ElderCare.Web.Features.Coverage;

namespace ElderCare.Web.Features.Dashboard;

public enum CoverageLight { Green, Amber, Red }

/// <summary>
/// The traffic light leaders read on the dashboard. Green: covered now. Amber: not yet covered, but the plan covers
/// it once built. Red: the plan itself falls short, or a figure needed to judge is missing.
/// </summary>
public static class CoverageLights
{
    public static CoverageLight Of(UnitCoverage unit) =>
        unit.Covered ? CoverageLight.Green
        : unit.Gaps.Any(g => g.Kind is "plan" or "unknown") ? CoverageLight.Red
        : CoverageLight.Amber;

    public static string Label(CoverageLight light) => light switch
    {
        CoverageLight.Green => "已全覆盖",
        CoverageLight.Amber => "按规划推进",
        _ => "规划缺口",
    };

    public static string Tone(CoverageLight light) => light switch
    {
        CoverageLight.Green => "green",
        CoverageLight.Amber => "amber",
        _ => "red",
    };
}
