namespace ElderCare.Web.Features.Tasks;

/// <summary>
/// Which status changes a task allows (pure). 待办 → 进行中 / 已完成 / 已取消; 进行中 → 待办 / 已完成 / 已取消;
/// 已完成 → 进行中 (reopened when the work was not really done); 已取消 → 待办 (the district only). Only the district
/// cancels. 建设站点 and 整改问题 are done only with at least one evidence file (三(一): 履职照单免责 — the record is the proof).
/// </summary>
public static class TaskLifecycle
{
    public static bool Allowed(DutyTaskStatus from, DutyTaskStatus to) => (from, to) switch
    {
        (DutyTaskStatus.Open, DutyTaskStatus.InProgress or DutyTaskStatus.Done or DutyTaskStatus.Cancelled) => true,
        (DutyTaskStatus.InProgress, DutyTaskStatus.Open or DutyTaskStatus.Done or DutyTaskStatus.Cancelled) => true,
        (DutyTaskStatus.Done, DutyTaskStatus.InProgress) => true,
        (DutyTaskStatus.Cancelled, DutyTaskStatus.Open) => true,
        _ => false,
    };

    /// <summary>Cancelling a task, or bringing a cancelled one back, is the district's decision.</summary>
    public static bool DistrictOnly(DutyTaskStatus from, DutyTaskStatus to) => to == DutyTaskStatus.Cancelled || from == DutyTaskStatus.Cancelled;

    public static bool NeedsEvidence(DutyTaskKind kind, DutyTaskStatus to) =>
        to == DutyTaskStatus.Done && kind is DutyTaskKind.BuildStation or DutyTaskKind.FixFinding;
}
