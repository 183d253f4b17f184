using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Services;

[Authorize(Policy = Roles.Policies.ReadServices)]
public sealed class OrderListModel(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
    : ListPageModel<OrderRow>
{
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "verification")] public string? Verification { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "late")] public string? Late { get; set; }

    public override ListLinks Links => new("/orders", new Dictionary<string, string?>
    {
        ["status"] = Status, ["verification"] = Verification, ["from"] = From, ["to"] = To, ["late"] = Late,
    }, ListOrders.Sorting.Resolve(Sort, Dir), ListOrders.Sorting.Default);

    /// <summary>The export reads from the reports replica when there is one (ADR 32); the list itself reads the primary.</summary>
    public async Task<IActionResult> OnGetExportAsync([FromKeyedServices(ReadReplica.Key)] AppDbContext reports, CancellationToken ct)
    {
        var (query, errors) = Query();
        return await FileOrListAsync(errors.Any ? null : await ExportOrders.Handle(query, user, reports, audit, clock, ct), errors,
            () => OnGetAsync(ct));
    }

    private (ListOrders.Query Query, FieldErrors Errors) Query()
    {
        var errors = new FieldErrors();
        var from = FormValues.Date(From, "from", errors);
        var to = FormValues.Date(To, "to", errors);
        return (new ListOrders.Query
        {
            Status = FormValues.Trimmed(Status), Verification = FormValues.Trimmed(Verification), From = from, To = to,
            Late = Late == "true" ? true : null, Page = Paging.PageNumber(Request), PageSize = PageRequest.DefaultPageSize,
            Sort = Sort, Dir = Dir,
        }, errors);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (query, errors) = Query();
        await ShowAsync(errors.Any ? null : await ListOrders.Handle(query, user.Scope, db, ct), errors, () => ListOrders.Handle(
            new ListOrders.Query { Page = 1, PageSize = PageRequest.DefaultPageSize, Sort = Sort, Dir = Dir },
            user.Scope, db, ct));
    }
}
