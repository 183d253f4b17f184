namespace ElderCare.Web.Features.Tasks;

/// <summary>The Chinese words of the task list's codes (pages, exports, the to-do centre).</summary>
public static class TaskLabels
{
    public static string Of(DutyTaskKind k) => k switch
    {
        DutyTaskKind.BuildStation => "建设站点",
        DutyTaskKind.FixFinding => "整改问题",
        DutyTaskKind.ConfirmPlan => "确认规划",
        _ => "其他",
    };

    public static string Of(DutyTaskStatus s) => s switch
    {
        DutyTaskStatus.Open => "待办",
        DutyTaskStatus.InProgress => "进行中",
        DutyTaskStatus.Done => "已完成",
        _ => "已取消",
    };

    public static string Of(DutyTaskSource s) => s switch
    {
        DutyTaskSource.Coverage => "覆盖缺口",
        DutyTaskSource.Compliance => "附件1达标检查",
        DutyTaskSource.Plan => "规划待确认",
        _ => "区级下达",
    };

    public static string Tone(DutyTaskStatus s, bool overdue) => overdue ? "red" : s switch
    {
        DutyTaskStatus.Open => "amber",
        DutyTaskStatus.InProgress => "blue",
        DutyTaskStatus.Done => "green",
        _ => "grey",
    };
}
