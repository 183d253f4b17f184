using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Services;

[Authorize(Policy = Roles.Policies.WriteOrders)]
public sealed class FollowUpsPageModel(AppDbContext db, CurrentUser user, ServiceOptions options, TimeProvider clock) : PageModel
{
    public double Share => options.FollowUpShare;
    public IReadOnlyList<FollowUpResource> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await FollowUps.List(false, user.Scope, db, ct);

    /// <summary>Unticked boxes post nothing: reached=false means not reached; then the other answers do not apply.</summary>
    public async Task<IActionResult> OnPostRecordAsync(Guid followUpId, string? reached, string? serviceHappened, string? satisfied, string? notes, CancellationToken ct)
    {
        var wasReached = reached == "true";
        var outcome = await FollowUps.Record(followUpId, new FollowUps.RecordInput(wasReached, wasReached ? serviceHappened == "true" : null,
            wasReached ? satisfied == "true" : null, notes), user, db, clock, ct);
        if (outcome.IsOk)
        {
            TempData["Flash"] = "已保存回访结果。";
            return Redirect("/follow-ups");
        }
        ModelState.AddFieldErrors(outcome.Errors ?? new FieldErrors().Add("notes", outcome.Message ?? "无法保存。"));
        Items = await FollowUps.List(false, user.Scope, db, ct);
        return Page();
    }
}
