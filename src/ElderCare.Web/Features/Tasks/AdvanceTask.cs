using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Tasks;

/// <summary>
/// Moves a task to another status (<see cref="TaskLifecycle"/>), version-checked, with an optional note: a change the
/// lifecycle does not allow is a conflict (409), cancelling is the district's (403), and 建设站点 / 整改问题 are done only
/// with evidence (400 on <c>status</c>).
/// </summary>
public static class AdvanceTask
{
    public sealed record Input(int? Version, DutyTaskStatus? Status, string? Note);

    public static async Task<Outcome<TaskResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var task = await TaskQueries.FindAsync(id, user.Scope, db, ct);
        if (task is null) return Outcome<TaskResource>.NotFound(TaskQueries.NotFound);
        var errors = TaskQueries.ChangeErrors(input.Version);
        errors.AddIf(input.Status is null, "status", "请选择新的状态：open、in-progress、done 或 cancelled。");
        var note = errors.Text(input.Note, "note", "说明", FreeText.Reason);
        if (errors.Any) return Outcome<TaskResource>.Invalid(errors);
        var to = input.Status!.Value;
        if (TaskLifecycle.DistrictOnly(task.Status, to) && user.Scope.Kind != ScopeKind.District)
            return Outcome<TaskResource>.Forbidden("取消任务或恢复已取消的任务由区级决定。");
        if (input.Version != task.Version) return Outcome<TaskResource>.Conflict(TaskQueries.Concurrent);
        if (!TaskLifecycle.Allowed(task.Status, to))
            return Outcome<TaskResource>.Conflict($"任务当前为“{TaskLabels.Of(task.Status)}”，不能改为“{TaskLabels.Of(to)}”。");
        if (TaskLifecycle.NeedsEvidence(task.Kind, to) && task.EvidenceIds.Count == 0)
            return Outcome<TaskResource>.Invalid("status", $"“{TaskLabels.Of(task.Kind)}”任务须先上传至少一份证明材料才能标记为已完成。");
        task.Status = to;
        task.StatusNote = TaskFields.Blank(note);
        task.GapClosedAt = null;
        return await TaskQueries.SaveAsync(task, user.Scope, db, clock, ct);
    }
}
