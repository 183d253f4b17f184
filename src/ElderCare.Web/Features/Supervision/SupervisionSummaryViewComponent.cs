using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Supervision;

/// <summary>
/// The supervision block of an evaluation sheet (三(二)(三) fed by 三(一)): the facility's findings of the sheet's year, how many
/// were overdue and how many repeated. Shown on /evaluations/{id}; nothing for a user who may not read supervision.
/// </summary>
public sealed class SupervisionSummaryViewComponent(AppDbContext db, CurrentUser user, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid facilityId, int year)
    {
        if (!Roles.Allows(UserClaimsPrincipal, Roles.Policies.ReadSupervision)) return Content("");
        var outcome = await GetSupervisionSummary.Handle(facilityId, year, user.Scope, db, clock, HttpContext.RequestAborted);
        return outcome.IsOk ? View("/Features/Supervision/_SupervisionSummary.cshtml", outcome.Value!) : Content("");
    }
}
