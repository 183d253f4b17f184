using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Assessments;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Todo.Sources;

/// <summary>
/// Overdue assessments (<see cref="Reassessment"/>: at least every 12 months, and at once after a change of condition),
/// for the town officer of the elders' street or town, who arranges the reassessment. The condition is the elder
/// list's filter (assessmentOverdue): last assessed on or before today − 12 months, or the condition changed since.
/// </summary>
public sealed class AssessmentTodoSource : QueryTodoSource<Elder>
{
    public const string Kind = "能力评估逾期";

    protected override async Task<IReadOnlyList<TodoItem>> ItemsAsync(IQueryable<Elder> q, AppDbContext db, DateTime now, int take,
        CancellationToken ct)
    {
        var rows = await q.OrderBy(e => e.LastAssessedOn).ThenBy(e => e.Id).Take(take)
            .Select(e => new { e.Id, e.Name, e.LastAssessedOn, e.ConditionChangedOn }).ToListAsync(ct);
        return rows.Select(e =>
        {
            var due = Reassessment.Due(e.LastAssessedOn!.Value, e.ConditionChangedOn);
            var why = due.Reason == AssessmentReason.Immediate
                ? $"{e.ConditionChangedOn:yyyy-MM-dd} 身体状况变化后未重新评估"
                : $"上次评估 {e.LastAssessedOn:yyyy-MM-dd}，已超过 {Reassessment.CycleMonths} 个月";
            return new TodoItem(Kind, $"{e.Name}：{why}", $"/elders/{e.Id}/assessments/new", TaskDeadline.EndsAtUtc(due.On.AddDays(-1)), true);
        }).ToList();
    }

    protected override IQueryable<Elder>? Query(TodoUser user, AppDbContext db, DateTime now)
    {
        if (user.Role != Role.TownOfficer || user.Scope.Kind != ScopeKind.Unit) return null;
        var dueBefore = TaskTodoSource.Today(now).AddMonths(-Reassessment.CycleMonths);
        var unit = user.Scope.RegionCode;
        return db.Elders.AsNoTracking().Where(e => e.UnitCode == unit && e.Status == ElderStatus.Active && e.LastAssessedOn != null
            && (e.LastAssessedOn <= dueBefore || e.ConditionChangedOn > e.LastAssessedOn));
    }
}
