using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Services;

[Authorize(Policy = Roles.Policies.WriteOrders)]
public sealed class ComplaintsPageModel(AppDbContext db, CurrentUser user, ServiceOptions options, TimeProvider clock, AuditLog audit)
    : ListPageModel<ComplaintResource>
{
    [BindProperty(SupportsGet = true, Name = "overdue")] public string? OverdueText { get; set; }
    [BindProperty(SupportsGet = true, Name = "severity")] public string? Severity { get; set; }

    public bool Overdue => OverdueText == "true";
    public ServiceOptions Options => options;
    public IReadOnlyList<ComplaintResource> Items => Result.Items;

    public override ListLinks Links => new("/complaints", new Dictionary<string, string?>
    {
        ["overdue"] = Overdue ? "true" : null, ["severity"] = Severity,
    }, ListComplaints.Sorting.Resolve(Sort, Dir), ListComplaints.Sorting.Default);

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    /// <summary>The export reads from the reports replica when there is one (ADR 32); the list itself reads the primary.</summary>
    public async Task<IActionResult> OnGetExportAsync([FromKeyedServices(ReadReplica.Key)] AppDbContext reports, CancellationToken ct)
    {
        var outcome = await ExportComplaints.Handle(Query(), user, reports, audit, clock, ct);
        return await FileOrListAsync(outcome, new FieldErrors().Add("export", outcome.Message ?? "导出失败。"), () => Load(ct));
    }

    public async Task<IActionResult> OnPostResolveAsync(Guid complaintId, string? resolution, CancellationToken ct)
    {
        var outcome = await CloseComplaint.Handle(complaintId, new CloseComplaint.Input(resolution), user, db, clock, ct);
        if (outcome.IsOk)
        {
            return RedirectWithFlash(Links.Page(1), "投诉已办结。");
        }
        // Gone or already closed: said beside the resolution (200), the list stays in view.
        ModelState.AddFieldErrors(outcome.Errors ?? new FieldErrors().Add("resolution", outcome.Message ?? "无法办结。"));
        await Load(ct);
        return Page();
    }

    private ListComplaints.Query Query() =>
        new()
        {
            Overdue = Overdue ? true : null, Page = Paging.PageNumber(Request), PageSize = PageRequest.DefaultPageSize,
            Severity = FormValues.Trimmed(Severity), Sort = Sort, Dir = Dir,
        };

    private async Task Load(CancellationToken ct) =>
        await ShowAsync(await ListComplaints.Handle(Query(), user.Scope, db, clock, ct), new FieldErrors(), () => ListComplaints.Handle(
            Query() with { Page = 1, Severity = null }, user.Scope, db, clock, ct));
}
