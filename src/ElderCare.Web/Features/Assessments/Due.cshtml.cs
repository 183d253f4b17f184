using System.Globalization;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Assessments;

/// <summary>到期重新评估: the due reassessments with checkboxes, given to one assessor in one act (分配评估员).</summary>
[Authorize(Policy = Roles.Policies.WriteElders)]
public sealed class DueReassessmentsModel(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock) : OutcomePageModel
{
    [BindProperty(SupportsGet = true, Name = "withinDays")] public string? WithinDays { get; set; }

    public DueReassessments Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostAssignAsync(List<Guid>? elderIds, Guid? assessorId, CancellationToken ct)
    {
        var outcome = await AssignReassessments.Handle(new AssignReassessments.Input(elderIds, assessorId), user, db, audit, clock, ct);
        if (outcome.IsOk)
        {
            return RedirectWithFlash(PageUrl(1), $"已将 {outcome.Value!.Count} 位老年人的重新评估分配给 {outcome.Value.AssessorName}。");
        }
        HttpContext.Items[AuditWrites.RefusedKey] = true;
        ModelState.AddFieldErrors(outcome.Errors ?? new FieldErrors().Add("assessorId", outcome.Message ?? "分配未完成。"));
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        int? within = int.TryParse(WithinDays, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : null;
        var outcome = await ListDueReassessments.Handle(new ListDueReassessments.Query { WithinDays = within, Page = Paging.PageNumber(Request),
            PageSize = 50 }, user.Scope, db,
            clock, ct);
        if (!outcome.IsOk)
        {
            ModelState.AddFieldErrors(outcome.Errors!);
            outcome = await ListDueReassessments.Handle(new ListDueReassessments.Query { Page = 1, PageSize = 50 }, user.Scope, db, clock, ct);
        }
        Result = outcome.Value!;
    }

    public Pager ListPager() => new(Result.Elders.Page, Result.Elders.PageCount, Result.Elders.Total, PageUrl);

    private string PageUrl(int p) =>
        "/assessments/due" + QueryString.Create(new Dictionary<string, string?>
        {
            ["withinDays"] = FormValues.Trimmed(WithinDays), ["page"] = p == 1 ? null : p.ToString(CultureInfo.InvariantCulture),
        }.Where(kv => kv.Value is not null)).ToUriComponent();
}
