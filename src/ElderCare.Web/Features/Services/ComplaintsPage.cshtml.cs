using System.Globalization;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
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
    public Paged<ComplaintResource> Result { get; private set; } = null!;
    public IReadOnlyList<ComplaintResource> Items => Result.Items;

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostResolveAsync(Guid complaintId, string? resolution, CancellationToken ct)
    {
        var outcome = await CloseComplaint.Handle(complaintId, new CloseComplaint.Input(resolution), user, db, clock, ct);
        if (outcome.IsOk)
        {
            TempData["Flash"] = "投诉已办结。";
            return Redirect("/complaints");
        }
        // Gone or already closed: said beside the resolution (200), the list stays in view.
        ModelState.AddFieldErrors(outcome.Errors ?? new FieldErrors().Add("resolution", outcome.Message ?? "无法办结。"));
        await Load(ct);
        return Page();
    }

    public Pager ListPager() => new(Result.Page, Result.PageCount, Result.Total, page =>
        "/complaints" + QueryString.Create(new Dictionary<string, string?>
        {
            ["overdue"] = Overdue ? "true" : null, ["page"] = page.ToString(CultureInfo.InvariantCulture),
        }.Where(kv => kv.Value is not null)).ToUriComponent());

    private async Task Load(CancellationToken ct)
    {
        var query = new ListComplaints.Query(null, Overdue, Paging.PageNumber(Request), PageRequest.DefaultPageSize);
        Result = (await ListComplaints.Handle(query, user.Scope, db, clock, ct)).Value!;
    }
}
