using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Reports;

/// <summary>
/// One quarterly report: the values, the town's narrative (edited and submitted by the town), the district's return or
/// approval, what has changed since it was submitted, and the check of a locked snapshot's hash.
/// </summary>
[Authorize(Policy = Roles.Policies.ReadReports)]
public sealed class ReportDetailsModel(AppDbContext db, CurrentUser user, TimeProvider clock) : OutcomePageModel
{
    [BindProperty] public string? Narrative { get; set; }
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool Confirm { get; set; }
    [BindProperty(SupportsGet = true, Name = "verify")] public bool Verify { get; set; }

    public ReportResource? Report { get; private set; }
    public SnapshotCheck? Check { get; private set; }

    public bool CanEdit => Report is { Status: ReportStatus.Draft } && Roles.Allows(User, Roles.Policies.SubmitReports);
    public bool CanDecide => Report is { Status: ReportStatus.Submitted } && Roles.Allows(User, Roles.Policies.ApproveReports);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await Load(id, ct) is { } missing) return missing;
        if (Verify) Check = (await CheckReportSnapshot.Handle(id, user.Scope, db, ct)).Value;
        return Page();
    }

    public async Task<IActionResult> OnPostNarrativeAsync(Guid id, CancellationToken ct)
    {
        if (!Roles.Allows(User, Roles.Policies.SubmitReports)) return Forbid();
        return Show(await UpdateReportNarrative.Handle(id, new UpdateReportNarrative.Input(Narrative, Version), user, db, clock, ct),
            Done("情况说明已保存。", id)) ?? await Again(id, ct);
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct)
    {
        if (!Roles.Allows(User, Roles.Policies.SubmitReports)) return Forbid();
        if (!Confirmed()) return await Again(id, ct);
        return Show(await SubmitReport.Handle(id, user, db, clock, ct), Done("季报已提交，等待区民政局审定。", id)) ?? await Again(id, ct);
    }

    public async Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct)
    {
        if (!Roles.Allows(User, Roles.Policies.ApproveReports)) return Forbid();
        if (!Confirmed()) return await Again(id, ct);
        return Show(await ReturnReport.Handle(id, new ReturnReport.Input(Reason), user, db, clock, ct), Done("季报已退回镇街。", id))
            ?? await Again(id, ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct)
    {
        if (!Roles.Allows(User, Roles.Policies.ApproveReports)) return Forbid();
        if (!Confirmed()) return await Again(id, ct);
        return Show(await ApproveReport.Handle(id, user, db, clock, ct), Done("季报已审定并锁定。", id)) ?? await Again(id, ct);
    }

    /// <summary>Each transition is confirmed by a tick ("我已核对"), so a stray click changes nothing.</summary>
    private bool Confirmed()
    {
        if (!Confirm) ModelState.AddFieldErrors(new FieldErrors().Add("confirm", "请勾选“我已核对”后再操作。"));
        return Confirm;
    }

    private Func<ReportResource, IActionResult> Done(string flash, Guid id) => _ => RedirectWithFlash($"/reports/{id}", flash);

    private Task<IActionResult> Again(Guid id, CancellationToken ct) => AgainAsync(() => Load(id, ct));

    private async Task<IActionResult?> Load(Guid id, CancellationToken ct)
    {
        var outcome = await GetReport.Handle(id, user.Scope, db, clock, ct);
        if (!outcome.IsOk) return Missing(outcome.Message);
        Report = outcome.Value!;
        return null;
    }
}
