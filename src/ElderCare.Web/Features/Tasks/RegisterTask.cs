using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Tasks;

/// <summary>
/// The district gives a street or town a task (三(一): 任务书和责任人): a unit (or a community or village under it), or a
/// facility, a title, a kind, a responsible person and a deadline. The region and facility pass the read scope (ADR 19).
/// </summary>
public static class RegisterTask
{
    public sealed record Input(string? RegionCode, Guid? FacilityId, string? Title, DutyTaskKind? Kind, string? Description,
        string? ResponsibleName, string? ResponsiblePhone, string? ResponsiblePost, DateOnly? DueOn);

    public static async Task<Outcome<TaskResource>> Handle(Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var scope = user.Scope;
        var errors = new FieldErrors();
        var title = errors.Text(input.Title, "title", "任务名称", FreeText.LongName);
        errors.AddIf(string.IsNullOrWhiteSpace(title), "title", "请填写任务名称。");
        errors.AddIf(input.Kind is null, "kind", "请选择任务类型：build-station、fix-finding、confirm-plan 或 other。");
        var description = errors.Text(input.Description, "description", "任务说明", FreeText.LongText, multiLine: true);
        var responsible = TaskFields.CleanResponsible(input.ResponsibleName, input.ResponsiblePhone, input.ResponsiblePost, errors);
        TaskFields.CheckDueOn(input.DueOn, errors);
        var facility = await TaskFields.FacilityInScope(input.FacilityId, scope, db, errors, ct);
        var regionCode = string.IsNullOrWhiteSpace(input.RegionCode) && facility is not null ? facility.UnitCode : input.RegionCode;
        var region = await TaskFields.RegionInScope(regionCode, scope, db, errors, ct);
        errors.AddIf(facility is not null && region is not null && !facility.RegionCode.StartsWith(region.Code, StringComparison.Ordinal),
            "facilityId", "该设施不在所选镇街或村（社区）内。");
        if (errors.Any) return Outcome<TaskResource>.Invalid(errors);
        var now = clock.UtcNow();
        var task = new DutyTask
        {
            UnitCode = region!.Code[..9], RegionCode = region.Code, FacilityId = facility?.Id, Title = title!, Kind = input.Kind!.Value,
            Description = TaskFields.Blank(description), ResponsibleName = responsible.Name, ResponsiblePhone = responsible.Phone,
            ResponsiblePost = responsible.Post, DueOn = input.DueOn!.Value, Status = DutyTaskStatus.Open, Source = DutyTaskSource.Manual,
            CreatedBy = user.UserName ?? "", CreatedAt = now, UpdatedAt = now,
        };
        db.DutyTasks.Add(task);
        await db.SaveChangesAsync(ct);
        return await TaskQueries.Resource(task.Id, scope, db, clock, ct);
    }
}
