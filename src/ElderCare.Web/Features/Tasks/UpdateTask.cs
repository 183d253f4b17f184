using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Tasks;

/// <summary>
/// Changes a task (version-checked). The street or town (or the facility's operator) names the responsible person; the
/// title, kind and deadline are the district's (三(一): the district sets the task list's 时间表) — a change of them by
/// anyone else is refused (403). Fields left out (null) stay as they are.
/// </summary>
public static class UpdateTask
{
    public sealed record Input(int? Version, string? Title, DutyTaskKind? Kind, string? Description, string? ResponsibleName,
        string? ResponsiblePhone, string? ResponsiblePost, DateOnly? DueOn);

    public static async Task<Outcome<TaskResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var task = await TaskQueries.FindAsync(id, user.Scope, db, ct);
        if (task is null) return Outcome<TaskResource>.NotFound(TaskQueries.NotFound);
        var errors = TaskQueries.ChangeErrors(input.Version);
        var title = input.Title is null ? null : errors.Text(input.Title, "title", "任务名称", FreeText.LongName);
        errors.AddIf(input.Title is not null && string.IsNullOrWhiteSpace(title), "title", "任务名称不能为空。");
        var description = input.Description is null ? null
            : errors.Text(input.Description, "description", "任务说明", FreeText.LongText, multiLine: true);
        var responsible = TaskFields.CleanResponsible(input.ResponsibleName ?? task.ResponsibleName,
            input.ResponsiblePhone ?? task.ResponsiblePhone, input.ResponsiblePost ?? task.ResponsiblePost, errors);
        if (errors.Any) return Outcome<TaskResource>.Invalid(errors);
        var district = user.Scope.Kind == ScopeKind.District;
        var districtChange = (title is not null && title != task.Title) || (input.Kind is { } k && k != task.Kind)
                             || (input.DueOn is { } d && d != task.DueOn);
        if (districtChange && !district)
            return Outcome<TaskResource>.Forbidden("任务名称、类型和截止日期由区级确定；镇街和服务机构只能填写责任人。");
        if (input.Version != task.Version) return Outcome<TaskResource>.Conflict(TaskQueries.Concurrent);
        if (title is not null) task.Title = title;
        if (input.Kind is { } kind) task.Kind = kind;
        if (input.DueOn is { } dueOn) task.DueOn = dueOn;
        if (input.Description is not null) task.Description = TaskFields.Blank(description);
        (task.ResponsibleName, task.ResponsiblePhone, task.ResponsiblePost) = (responsible.Name, responsible.Phone, responsible.Post);
        return await TaskQueries.SaveAsync(task, user.Scope, db, clock, ct);
    }
}
