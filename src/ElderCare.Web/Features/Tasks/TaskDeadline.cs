using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Tasks;

/// <summary>
/// The deadline rules of a task (三(一): 列出时间表 … 倒排工期、打表推进). Pure. A deadline is a China date: the task may be
/// done on that day, is overdue from the next day, and <see cref="DaysOverdue"/> counts whole China days past it.
/// Only open tasks (待办, 进行中) are ever due or overdue.
/// </summary>
public static class TaskDeadline
{
    public static bool IsOpen(DutyTaskStatus s) => s is DutyTaskStatus.Open or DutyTaskStatus.InProgress;

    /// <summary>"overdue from the day after the deadline": DueOn 2026-11-30 is overdue on 2026-12-01, not on 2026-11-30.</summary>
    public static bool IsOverdue(DutyTaskStatus status, DateOnly dueOn, DateOnly today) => IsOpen(status) && today > dueOn;

    /// <summary>Days past the deadline (0 when not overdue): DueOn 2026-11-20, today 2026-11-27 → 7.</summary>
    public static int DaysOverdue(DutyTaskStatus status, DateOnly dueOn, DateOnly today) =>
        IsOverdue(status, dueOn, today) ? today.DayNumber - dueOn.DayNumber : 0;

    /// <summary>Due soon: open, not overdue, deadline within <paramref name="days"/> days of today (today + days included).</summary>
    public static bool IsDueSoon(DutyTaskStatus status, DateOnly dueOn, DateOnly today, int days) =>
        IsOpen(status) && dueOn >= today && dueOn <= today.AddDays(days);

    /// <summary>The UTC instant the deadline ends: midnight after the China date (DueOn 2026-11-30 → 2026-11-30 16:00 UTC).</summary>
    public static DateTime EndsAtUtc(DateOnly dueOn) =>
        new DateTimeOffset(dueOn.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaClock.Offset).UtcDateTime;
}
