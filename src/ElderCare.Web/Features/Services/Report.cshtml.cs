using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Services;

[Authorize(Policy = Roles.Policies.ReadServices)]
public sealed class VisitReportModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "month")] public string? Month { get; set; }

    public VisitReportResource Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var outcome = await VisitReport.Handle(Month, user.Scope, db, clock, ct);
        if (!outcome.IsOk)
        {
            ModelState.AddFieldErrors(outcome.Errors!);
            outcome = await VisitReport.Handle(null, user.Scope, db, clock, ct);
        }
        Report = outcome.Value!;
    }
}
