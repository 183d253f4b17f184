using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Evidence;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Supervision;

/// <summary>
/// One finding (三(一) supervision): its deadline, overdue and repeat marks and history; the operator or town records the
/// rectification (note and photo), the district or third party re-inspects (passed closes, failed reopens).
/// </summary>
[Authorize(Policy = Roles.Policies.ReadSupervision)]
[RequestSizeLimit(EvidenceUploads.PageRequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = EvidenceUploads.PageRequestLimit)]
public sealed class FindingModel(AppDbContext db, CurrentUser user, TimeProvider clock) : OutcomePageModel
{
    [BindProperty(Name = "note")] public string? Note { get; set; }
    [BindProperty(Name = "passed")] public bool? Passed { get; set; }
    [BindProperty(Name = "file")] public IFormFile? Upload { get; set; }

    public FindingResource? Finding { get; private set; }

    public bool CanRectify => Finding is { Status: FindingStatus.Open } && Roles.Allows(User, Roles.Policies.RectifyFindings);
    public bool CanReinspect => Finding is { Status: FindingStatus.Rectified } && Roles.Allows(User, Roles.Policies.InspectFacilities);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await Load(id, ct) ?? Page();

    public async Task<IActionResult> OnPostRectifyAsync(Guid id, CancellationToken ct)
    {
        if (!Roles.Allows(User, Roles.Policies.RectifyFindings)) return Forbid();
        if (await Load(id, ct) is { } missing) return missing;
        if (await Evidence(ct) is not { } evidence) return Page();
        return Show(await RectifyFinding.Handle(id, new RectifyFinding.Input(Note, evidence), user, db, clock, ct), Done("整改已登记，等待复查。"))
            ?? await Again(id, ct);
    }

    public async Task<IActionResult> OnPostReinspectAsync(Guid id, CancellationToken ct)
    {
        if (!Roles.Allows(User, Roles.Policies.InspectFacilities)) return Forbid();
        if (await Load(id, ct) is { } missing) return missing;
        if (await Evidence(ct) is not { } evidence) return Page();
        var outcome = await ReinspectFinding.Handle(id, new ReinspectFinding.Input(Passed, Note, evidence), user, db, clock, ct);
        return Show(outcome, Done(Passed == true ? "复查通过，问题已销号。" : "复查未通过，已重新规定整改期限。")) ?? await Again(id, ct);
    }

    /// <summary>The posted photo stored as evidence of the finding's facility; null (with the field error) when refused.</summary>
    private async Task<List<Guid>?> Evidence(CancellationToken ct)
    {
        if (Upload is not { Length: > 0 }) return [];
        var stored = await this.StoreEvidenceAsync(Upload, Finding!.FacilityId, ct);
        if (stored.IsOk) return [stored.Value!.Id];
        ModelState.AddFieldErrors(stored.Errors ?? new FieldErrors().Add("file", stored.Message ?? "证明材料未能上传。"));
        return null;
    }

    private Func<FindingResource, IActionResult> Done(string flash) => f => RedirectWithFlash($"/supervision/findings/{f.Id}", flash);

    private Task<IActionResult> Again(Guid id, CancellationToken ct) => AgainAsync(() => Load(id, ct));

    private async Task<IActionResult?> Load(Guid id, CancellationToken ct)
    {
        var outcome = await GetFinding.Handle(id, user.Scope, db, clock, ct);
        if (!outcome.IsOk) return Missing(outcome.Message);
        Finding = outcome.Value!;
        return null;
    }
}
