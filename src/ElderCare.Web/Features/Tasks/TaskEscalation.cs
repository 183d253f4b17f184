namespace ElderCare.Web.Features.Tasks;

/// <summary>
/// The escalation rule of an overdue task (三(一): 倒排工期、打表推进; 失职照单问责), pure: a task overdue by d days has
/// reached every level whose <see cref="EscalationLevel.DaysOverdue"/> ≤ d (with the seeded 1 / 7 / 30 days: 1 day
/// overdue → the town's lead, 7 → the district bureau, 30 → the leading group office). Each level is recorded once:
/// <see cref="Due"/> answers the levels reached and not yet recorded, lowest first (a task found 8 days overdue for the
/// first time records levels 1 and 2 together). A task that is not open escalates no further.
/// </summary>
public static class TaskEscalation
{
    public static int LevelReached(int daysOverdue, IReadOnlyList<EscalationLevel> levels) =>
        daysOverdue <= 0 ? 0 : levels.Where(l => l.DaysOverdue <= daysOverdue).Select(l => l.Id).DefaultIfEmpty(0).Max();

    public static IReadOnlyList<EscalationLevel> Due(DutyTaskStatus status, DateOnly dueOn, DateOnly today, int recordedLevel,
        IReadOnlyList<EscalationLevel> levels)
    {
        var days = TaskDeadline.DaysOverdue(status, dueOn, today);
        var reached = LevelReached(days, levels);
        return levels.Where(l => l.Id > recordedLevel && l.Id <= reached && l.DaysOverdue <= days).OrderBy(l => l.Id).ToList();
    }

    /// <summary>The notice sent for a level: "【任务逾期】昌元街道：建设社区养老服务站 已逾期 7 天（截止 2026-11-20），升级至区民政局。"</summary>
    public static string Message(string unitName, string title, DateOnly dueOn, int daysOverdue, EscalationLevel level) =>
        $"【任务逾期】{unitName}：{title} 已逾期 {daysOverdue} 天（截止 {dueOn:yyyy-MM-dd}），升级至{level.Recipient}。";
}
