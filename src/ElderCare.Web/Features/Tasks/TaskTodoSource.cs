using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Todo;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Tasks;

/// <summary>
/// Tasks due or overdue (三(一)): a town officer's open tasks of its unit and an operator's of its facilities, due within
/// <see cref="TaskOptions.DueSoonDays"/> or past the deadline; the district's, the tasks escalated to its level
/// (<see cref="EscalationLevel.NotifyRole"/>: the in-app notice) and the plan rows to confirm that are due.
/// </summary>
public sealed class TaskTodoSource(TaskOptions options) : QueryTodoSource<DutyTask>
{
    public const string Kind = "任务";

    protected override async Task<IReadOnlyList<TodoItem>> ItemsAsync(IQueryable<DutyTask> q, AppDbContext db, DateTime now, int take,
        CancellationToken ct)
    {
        var today = Today(now);
        var rows = await q.OrderBy(t => t.DueOn).ThenBy(t => t.Id).Take(take)
            .Select(t => new { t.Id, t.Title, t.DueOn, t.Status }).ToListAsync(ct);
        return rows.Select(t =>
        {
            var days = TaskDeadline.DaysOverdue(t.Status, t.DueOn, today);
            var when = days > 0 ? $"已逾期 {days} 天" : $"截止 {t.DueOn:yyyy-MM-dd}";
            return new TodoItem(Kind, $"{t.Title}（{when}）", $"/tasks/{t.Id}", TaskDeadline.EndsAtUtc(t.DueOn), days > 0);
        }).ToList();
    }

    public static DateOnly Today(DateTime utcNow) => DateOnly.FromDateTime(utcNow + ChinaClock.Offset);

    protected override IQueryable<DutyTask>? Query(TodoUser user, AppDbContext db, DateTime now)
    {
        var until = Today(now).AddDays(options.DueSoonDays);
        var open = db.DutyTasks.AsNoTracking().Where(t => t.Status == DutyTaskStatus.Open || t.Status == DutyTaskStatus.InProgress);
        switch (user.Role)
        {
            case Role.TownOfficer or Role.Operator when user.Scope.Kind is ScopeKind.Unit or ScopeKind.Facilities:
                return open.InScope(user.Scope).Where(t => t.DueOn <= until);
            case Role.DistrictStaff or Role.DistrictAdmin:
                var role = user.Role;
                return open.Where(t => t.EscalationLevel >= db.EscalationLevels.Where(l => l.NotifyRole == role).Min(l => (int?)l.Id)
                                       || (t.Kind == DutyTaskKind.ConfirmPlan && t.DueOn <= until));
            default:
                return null;
        }
    }
}
