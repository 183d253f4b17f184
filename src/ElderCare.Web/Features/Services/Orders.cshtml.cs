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

[Authorize(Policy = Roles.Policies.ReadServices)]
public sealed class OrderListModel(AppDbContext db, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "verification")] public string? Verification { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "late")] public string? Late { get; set; }

    public Paged<OrderRow> Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        var from = FormValues.Date(From, "from", errors);
        var to = FormValues.Date(To, "to", errors);
        var query = new ListOrders.Query(FormValues.Trimmed(Status), FormValues.Trimmed(Verification), null, null, null, null, from, to,
            Late == "true" ? true : null, Paging.PageNumber(Request), PageRequest.DefaultPageSize);
        var outcome = errors.Any ? null : await ListOrders.Handle(query, user.Scope, db, ct);
        if (outcome is not { IsOk: true })
        {
            outcome?.Errors?.MergeInto(errors);
            ModelState.AddFieldErrors(errors);
            outcome = await ListOrders.Handle(new ListOrders.Query(null, null, null, null, null, null, null, null, null, 1,
                PageRequest.DefaultPageSize), user.Scope, db, ct);
        }
        Result = outcome.Value!;
    }

    public Pager ListPager() => new(Result.Page, Result.PageCount, Result.Total, page =>
    {
        var query = new Dictionary<string, string?>
        {
            ["status"] = Status, ["verification"] = Verification, ["from"] = From, ["to"] = To, ["late"] = Late,
            ["page"] = page.ToString(CultureInfo.InvariantCulture),
        };
        return "/orders" + QueryString.Create(query.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
    });
}
