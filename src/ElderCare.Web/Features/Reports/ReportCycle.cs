namespace ElderCare.Web.Features.Reports;

/// <summary>
/// The rules of the report cycle (三、保障措施: towns report quarterly to the leading group; DHIS2's submit, approve, lock):
/// the town edits and submits a draft once the quarter has ended; the district returns a submitted report with a reason
/// (back to draft) or approves it, which locks it for good. Each rule answers the refusal (409) or null.
/// </summary>
public static class ReportCycle
{
    public const string Locked = "该季报已审定并锁定，不能再修改。";

    public static string? CanEdit(ReportStatus status) => status switch
    {
        ReportStatus.Approved => Locked,
        ReportStatus.Submitted => "该季报已提交，等待区级审定；退回后才能修改。",
        _ => null,
    };

    public static string? CanSubmit(ReportStatus status, Quarter quarter, DateOnly today) =>
        CanEdit(status) ?? (quarter.EndedBy(today) ? null : $"{quarter.Label}尚未结束（{quarter.End:yyyy-MM-dd} 后才能提交）。");

    public static string? CanReturn(ReportStatus status) => status switch
    {
        ReportStatus.Approved => Locked,
        ReportStatus.Draft => "该季报尚未提交，不能退回。",
        _ => null,
    };

    public static string? CanApprove(ReportStatus status) => status switch
    {
        ReportStatus.Approved => Locked,
        ReportStatus.Draft => "该季报尚未提交，不能审定。",
        _ => null,
    };

    public static string Label(ReportStatus s) => s switch
    {
        ReportStatus.Draft => "草稿",
        ReportStatus.Submitted => "已提交",
        _ => "已审定（锁定）",
    };

    public static string Tone(ReportStatus s) => s switch
    {
        ReportStatus.Draft => "grey",
        ReportStatus.Submitted => "amber",
        _ => "green",
    };
}
