using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Services;

[Authorize(Policy = Roles.Policies.WriteOrders)]
public sealed class ComplaintsPageModel(AppDbContext db, CurrentUser user, ServiceOptions options, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "overdue")] public string? OverdueText { get; set; }

    public bool Overdue => OverdueText == "true";
    public ServiceOptions Options => options;
    public IReadOnlyList<ComplaintResource> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await Complaints.List(null, Overdue, user.Scope, db, clock, ct);

    public async Task<IActionResult> OnPostResolveAsync(Guid complaintId, string? resolution, CancellationToken ct)
    {
        var outcome = await Complaints.Resolve(complaintId, new Complaints.ResolveInput(resolution), user, db, clock, ct);
        if (outcome.IsOk)
        {
            TempData["Flash"] = "投诉已办结。";
            return Redirect("/complaints");
        }
        var errors = outcome.Errors ?? new FieldErrors().Add("resolution", outcome.Message ?? "无法办结。");
        ModelState.AddFieldErrors(errors);
        Items = await Complaints.List(null, Overdue, user.Scope, db, clock, ct);
        return Page();
    }
}
