namespace ElderCare.Web.Features.Coverage;

/// <summary>
/// The coverage state of a unit for one facility type, as a stable code for the API and with its own words and colour
/// for pages (ADR 0017). A unit's state is the most pressing of its types' states.
/// </summary>
public static class CoverageStates
{
    /// <summary>已覆盖: enough facilities operating and up to the 附件1 standard.</summary>
    public const string Covered = "covered";
    /// <summary>规划覆盖: not yet, but the plan covers it once built.</summary>
    public const string CoveredByPlan = "covered-by-plan";
    /// <summary>规划缺口: the confirmed plan itself falls short.</summary>
    public const string PlanGap = "plan-gap";
    /// <summary>待确认: the plan falls short on an unconfirmed row (e.g. cells the printed table may have shifted).</summary>
    public const string ToConfirm = "to-confirm";
    /// <summary>数据缺失: a figure needed to judge (社区数, 行政村数) is missing.</summary>
    public const string DataMissing = "data-missing";

    /// <summary>Most pressing first.</summary>
    public static readonly string[] BySeverity = [PlanGap, ToConfirm, DataMissing, CoveredByPlan, Covered];

    public static string Worst(IEnumerable<string> states) =>
        states.DefaultIfEmpty(Covered).MinBy(s => Array.IndexOf(BySeverity, s))!;

    public static string Label(string state) => state switch
    {
        Covered => "已覆盖",
        CoveredByPlan => "规划覆盖",
        PlanGap => "规划缺口",
        ToConfirm => "待确认",
        _ => "数据缺失",
    };

    /// <summary>A badge / dot colour of the site's palette.</summary>
    public static string Tone(string state) => state switch
    {
        Covered => "green",
        CoveredByPlan => "blue",
        PlanGap => "red",
        ToConfirm => "amber",
        _ => "grey",
    };

    public static string Explanation(string state) => state switch
    {
        Covered => "运营中且达标的设施已满足应建数",
        CoveredByPlan => "尚未覆盖，规划建成后可覆盖",
        PlanGap => "规划建成后仍少于应建数",
        ToConfirm => "规划建成后少于应建数，但该规划行待区级确认（原表可能串格）",
        _ => "社区数或行政村数未录入，无法判断",
    };
}
