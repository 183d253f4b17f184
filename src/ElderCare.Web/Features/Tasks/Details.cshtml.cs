using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Evidence;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Tasks;

/// <summary>
/// One task (三(一)): its details, escalations and evidence; the responsible person (and, for the district, title, kind
/// and deadline) edited; the status changed after an explicit confirmation; evidence files uploaded to the evidence store.
/// </summary>
[Authorize(Policy = Roles.Policies.ReadTasks)]
[RequestSizeLimit(EvidenceUploads.PageRequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = EvidenceUploads.PageRequestLimit)]
public sealed class TaskDetailsModel(AppDbContext db, CurrentUser user, TimeProvider clock) : TaskFormModel
{
    [BindProperty(Name = "version")] public int? Version { get; set; }
    [BindProperty(Name = "status")] public string? Status { get; set; }
    [BindProperty(Name = "note")] public string? Note { get; set; }
    [BindProperty(Name = "confirm")] public bool Confirm { get; set; }
    [BindProperty(Name = "facilityId")] public string? FacilityId { get; set; }
    [BindProperty(Name = "file")] public IFormFile? Upload { get; set; }

    public TaskDetails? Details { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> EvidenceFacilities { get; private set; } = [];
    public bool IsDistrict => user.Scope.Kind == ScopeKind.District;
    public bool CanWork => Roles.Allows(User, Roles.Policies.WorkTasks);

    /// <summary>The statuses the task may move to from here, for this user (<see cref="TaskLifecycle"/>).</summary>
    public IEnumerable<DutyTaskStatus> NextStatuses => Details is null ? [] : Enum.GetValues<DutyTaskStatus>()
        .Where(s => TaskLifecycle.Allowed(Details.Task.Status, s) && (IsDistrict || !TaskLifecycle.DistrictOnly(Details.Task.Status, s)));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await Load(id, ct) is { } missing) return missing;
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(Guid id, CancellationToken ct)
    {
        if (!CanWork) return Forbid();
        var errors = new FieldErrors();
        var input = new UpdateTask.Input(Version, IsDistrict ? Title : null,
            IsDistrict ? FormValues.Choice<DutyTaskKind>(Kind, "kind", errors) : null, IsDistrict ? Description ?? "" : null,
            ResponsibleName ?? "", ResponsiblePhone ?? "", ResponsiblePost ?? "", IsDistrict ? FormValues.Date(DueOn, "dueOn", errors) : null);
        if (errors.Any) return await Again(id, errors, ct);
        return Show(await UpdateTask.Handle(id, input, user, db, clock, ct), Done("任务已保存。", id)) ?? await Again(id, null, ct);
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, CancellationToken ct)
    {
        if (!CanWork) return Forbid();
        var errors = new FieldErrors();
        var to = FormValues.Choice<DutyTaskStatus>(Status, "status", errors);
        errors.AddIf(!Confirm, "confirm", "请勾选确认后再改变任务状态。");
        if (errors.Any) return await Again(id, errors, ct);
        return Show(await AdvanceTask.Handle(id, new AdvanceTask.Input(Version, to, Note), user, db, clock, ct),
            Done($"任务已改为“{TaskLabels.Of(to!.Value)}”。", id)) ?? await Again(id, null, ct);
    }

    public async Task<IActionResult> OnPostEvidenceAsync(Guid id, CancellationToken ct)
    {
        if (!CanWork) return Forbid();
        if (await Load(id, ct) is { } missing) return missing;
        var errors = new FieldErrors();
        var facility = Details!.Task.FacilityId ?? FormValues.Id(FacilityId, "facilityId", errors);
        errors.AddIf(facility is null && !errors.Any, "facilityId", "请选择证明材料所属的设施。");
        if (errors.Any) return await Again(id, errors, ct);
        var stored = await this.StoreEvidenceAsync(Upload, facility, ct);
        if (!stored.IsOk)
        {
            if (stored.Kind == OutcomeKind.NotFound) return await Again(id, new FieldErrors().Add("facilityId", stored.Message!), ct);
            return Show(stored, _ => Page()) ?? await Again(id, null, ct);
        }
        return Show(await AttachTaskEvidence.Handle(id, new AttachTaskEvidence.Input(stored.Value!.Id), user, db, clock, ct),
            Done("证明材料已上传。", id)) ?? await Again(id, null, ct);
    }

    private Func<TaskResource, IActionResult> Done(string flash, Guid id) => _ => RedirectWithFlash($"/tasks/{id}", flash);

    /// <summary>The page again with the errors (or the conflict) and what was typed, keeping the status code.</summary>
    private Task<IActionResult> Again(Guid id, FieldErrors? errors, CancellationToken ct)
    {
        if (errors is not null) ModelState.AddFieldErrors(errors);
        return AgainAsync(() => Load(id, ct));
    }

    private async Task<IActionResult?> Load(Guid id, CancellationToken ct)
    {
        var outcome = await GetTask.Handle(id, user.Scope, db, clock, ct);
        if (!outcome.IsOk) return Missing(outcome.Message);
        Details = outcome.Value!;
        if (Details.Task.FacilityId is null) EvidenceFacilities = await TaskChoices.FacilitiesIn(Details.Task.UnitCode, user.Scope, db, ct);
        return null;
    }

    private void Fill()
    {
        var t = Details!.Task;
        (Version, Title, Kind, Description, DueOn) = (t.Version, t.Title, EnumText.Of(t.Kind), t.Description, Display.Date(t.DueOn));
        (ResponsibleName, ResponsiblePhone, ResponsiblePost) = (t.ResponsibleName, t.ResponsiblePhone, t.ResponsiblePost);
    }
}
