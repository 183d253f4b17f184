using ElderCare.Web.Data;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Tasks;
using ElderCare.Web.Features.Todo;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Assessments;

/// <summary>
/// The reassessments assigned to the user (<see cref="AssignReassessments"/>), until the elder has an assessment dated on
/// or after the assignment; overdue from the due day on (Reassessment).
/// </summary>
public sealed class ReassessmentTodoSource : QueryTodoSource<ReassessmentAssignment>
{
    public const string Kind = "待重新评估（已分配）";

    protected override async Task<IReadOnlyList<TodoItem>> ItemsAsync(IQueryable<ReassessmentAssignment> assignments, AppDbContext db, DateTime now,
        int take, CancellationToken ct)
    {
        var today = TaskTodoSource.Today(now);
        var rows = await assignments.OrderBy(a => a.DueOn).ThenBy(a => a.Id).Take(take)
            .Select(a => new { a.ElderId, a.DueOn, a.Reason, Name = db.Elders.Where(e => e.Id == a.ElderId).Select(e => e.Name).First() })
            .ToListAsync(ct);
        return rows.Select(a => new TodoItem(Kind,
            $"{a.Name}：{(a.Reason == AssessmentReason.Immediate ? "身体状况变化后" : "")}重新评估，{a.DueOn:yyyy-MM-dd} 到期",
            $"/elders/{a.ElderId}/assessments/new", TaskDeadline.EndsAtUtc(a.DueOn.AddDays(-1)), today >= a.DueOn)).ToList();
    }

    protected override IQueryable<ReassessmentAssignment> Query(TodoUser user, AppDbContext db, DateTime now) =>
        db.ReassessmentAssignments.AsNoTracking().Where(a => a.AssessorId == user.UserId
            && db.Elders.Any(e => e.Id == a.ElderId && e.Status == ElderStatus.Active
                                && (e.LastAssessedOn == null || e.LastAssessedOn < a.AssignedOn)));
}
