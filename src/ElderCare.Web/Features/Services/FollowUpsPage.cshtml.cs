using System.Globalization;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Services;

[Authorize(Policy = Roles.Policies.WriteOrders)]
public sealed class FollowUpsPageModel(AppDbContext db, CurrentUser user, ServiceOptions options, TimeProvider clock) : OutcomePageModel
{
    public double Share => options.FollowUpShare;
    public Paged<FollowUpResource> Result { get; private set; } = null!;
    public IReadOnlyList<FollowUpResource> Items => Result.Items;

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    /// <summary>Unticked boxes post nothing: reached=false means not reached; then the other answers do not apply.</summary>
    public async Task<IActionResult> OnPostRecordAsync(Guid followUpId, string? reached, string? serviceHappened, string? satisfied, string? notes,
        CancellationToken ct)
    {
        var wasReached = reached == "true";
        var input = new RecordFollowUp.Input(wasReached, wasReached ? serviceHappened == "true" : null,
            wasReached ? satisfied == "true" : null, notes);
        var outcome = await RecordFollowUp.Handle(followUpId, input, user, db, clock, ct);
        if (outcome.IsOk)
        {
            return RedirectWithFlash("/follow-ups", "已保存回访结果。");
        }
        // Gone from scope: said beside the notes (200), the queue stays in view.
        ModelState.AddFieldErrors(outcome.Errors ?? new FieldErrors().Add("notes", outcome.Message ?? "无法保存。"));
        await Load(ct);
        return Page();
    }

    public Pager ListPager() => new(Result.Page, Result.PageCount, Result.Total,
        page => "/follow-ups?page=" + page.ToString(CultureInfo.InvariantCulture));

    private async Task Load(CancellationToken ct)
    {
        var query = new ListFollowUps.Query { Page = Paging.PageNumber(Request), PageSize = PageRequest.DefaultPageSize };
        Result = (await ListFollowUps.Handle(query, user.Scope, db, ct)).Value!;
    }
}
