using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Evidence;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Supervision;

/// <summary>One inspection's results and its findings; the inspector raises a finding from a failed item (or free) with a photo.</summary>
[Authorize(Policy = Roles.Policies.ReadSupervision)]
[RequestSizeLimit(EvidenceUploads.PageRequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = EvidenceUploads.PageRequestLimit)]
public sealed class InspectionModel(AppDbContext db, CurrentUser user, TimeProvider clock) : OutcomePageModel
{
    [BindProperty(Name = "itemCode")] public string? ItemCode { get; set; }
    [BindProperty(Name = "severity")] public string? Severity { get; set; }
    [BindProperty(Name = "description")] public string? Description { get; set; }
    [BindProperty(Name = "file")] public IFormFile? Upload { get; set; }

    public InspectionResource? Inspection { get; private set; }
    public IReadOnlyList<FindingResource> Findings { get; private set; } = [];

    public bool CanRaise => Roles.Allows(User, Roles.Policies.InspectFacilities);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await Load(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!CanRaise) return Forbid();
        if (await Load(id, ct) is { } missing) return missing;
        var errors = new FieldErrors();
        var severity = EnumText.Optional<FindingSeverity>(Severity, "severity", errors);
        List<Guid> evidence = [];
        if (Upload is { Length: > 0 })
        {
            var stored = await this.StoreEvidenceAsync(Upload, Inspection!.FacilityId, ct);
            if (stored.IsOk) evidence.Add(stored.Value!.Id);
            else stored.Errors?.MergeInto(errors);
        }
        if (!errors.Any)
        {
            var input = new RaiseFinding.Input(id, ItemCode, severity, Description, evidence);
            return Show(await RaiseFinding.Handle(input, user, db, clock, ct),
                f => RedirectWithFlash($"/supervision/findings/{f.Id}", $"问题已登记，整改期限 {Display.ChinaTime(f.DueAt)}。")) ?? Page();
        }
        ModelState.AddFieldErrors(errors);
        return Page();
    }

    private async Task<IActionResult?> Load(Guid id, CancellationToken ct)
    {
        var outcome = await GetInspection.Handle(id, user.Scope, db, ct);
        if (!outcome.IsOk) return Missing(outcome.Message);
        Inspection = outcome.Value!;
        var query = new ListFindings.Query { FacilityId = Inspection.FacilityId, RoundId = Inspection.RoundId, Page = 1,
            PageSize = PageRequest.MaxPageSize };
        Findings = (await ListFindings.Handle(query, user.Scope, db, clock, ct)).Value?.Items ?? [];
        return null;
    }
}
