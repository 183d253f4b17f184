using ElderCare.Web.Features.Access;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Facilities;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Roles.Policies.ReadFacilities)]
public sealed class FacilityListModel(AppDbContext db, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "regionCode")] public string? RegionCode { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public string? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }

    public IReadOnlyList<RegionResource> Units { get; private set; } = [];
    public Paged<FacilityRow> Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Units = (await ListRegions.Handle(null, user.Scope, db, ct)).Where(r => Region.IsUnit(r.Kind)).ToList();
        var pageNumber = Paging.PageNumber(Request);
        var outcome = await ListFacilities.Handle(
            new ListFacilities.Query(RegionCode, Type, Status, Q, pageNumber, PageRequest.DefaultPageSize), user.Scope, db, ct);
        if (!outcome.IsOk)
        {
            // A hand-edited link with a bad filter: say which one, and list without it.
            ModelState.AddFieldErrors(outcome.Errors!);
            outcome = await ListFacilities.Handle(
                new ListFacilities.Query(RegionCode, null, null, Q, 1, PageRequest.DefaultPageSize), user.Scope, db, ct);
        }
        Result = outcome.Value!;
    }

    public Pager ListPager() => new(Result.Page, Result.PageCount, Result.Total, UrlFor);

    /// <summary>The same filters on another page.</summary>
    private string UrlFor(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["regionCode"] = RegionCode, ["type"] = Type, ["status"] = Status, ["q"] = Q,
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return "/facilities" + QueryString.Create(query.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
    }
}
