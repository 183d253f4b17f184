namespace ElderCare.Web.Features.Supervision;

/// <summary>The Chinese words of the supervision enums (pages and exports).</summary>
public static class SupervisionLabels
{
    public static string Of(ChecklistGroup g) => g switch
    {
        ChecklistGroup.Construction => "建设标准（附件1）",
        ChecklistGroup.Safety => "安全管理",
        ChecklistGroup.Services => "服务开展",
        ChecklistGroup.Records => "台账档案",
        _ => g.ToString(),
    };

    public static string Of(FindingSeverity s) => s switch
    {
        FindingSeverity.Urgent => "紧急",
        FindingSeverity.Serious => "严重",
        FindingSeverity.General => "一般",
        FindingSeverity.Minor => "轻微",
        _ => s.ToString(),
    };

    public static string Of(ItemResult r) => r switch
    {
        ItemResult.Pass => "符合",
        ItemResult.Fail => "不符合",
        ItemResult.NotApplicable => "不适用",
        _ => r.ToString(),
    };

    public static string Of(FindingStatus s) => s switch
    {
        FindingStatus.Open => "待整改",
        FindingStatus.Rectified => "已整改待复查",
        FindingStatus.Closed => "已销号",
        _ => s.ToString(),
    };

    public static string Of(FindingAct a) => a switch
    {
        FindingAct.Raised => "发现问题",
        FindingAct.Rectified => "整改",
        FindingAct.Closed => "复查通过，销号",
        FindingAct.Reopened => "复查未通过，重新整改",
        _ => a.ToString(),
    };

    public static string Of(RoundConductor c) => c switch
    {
        RoundConductor.District => "区民政局",
        RoundConductor.ThirdParty => "第三方机构",
        _ => c.ToString(),
    };

    public static string Tone(FindingStatus s, bool overdue) => overdue ? "red" : s switch
    {
        FindingStatus.Open => "amber",
        FindingStatus.Rectified => "blue",
        _ => "green",
    };

    /// <summary>A deadline in hours as people say it: 24 小时, 3 天.</summary>
    public static string Hours(int hours) => hours % 24 == 0 && hours >= 48 ? $"{hours / 24} 天" : $"{hours} 小时";
}
