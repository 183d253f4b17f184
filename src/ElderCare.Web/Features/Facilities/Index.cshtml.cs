using ElderCare.Web.Features.Access;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Facilities;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Roles.Policies.ReadFacilities)]
public sealed class FacilityListModel(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
    : ListPageModel<FacilityRow>
{
    [BindProperty(SupportsGet = true, Name = "regionCode")] public string? RegionCode { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public string? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }

    public override ListLinks Links => new("/facilities", new Dictionary<string, string?>
    {
        ["regionCode"] = RegionCode, ["type"] = Type, ["status"] = Status, ["q"] = Q,
    }, ListFacilities.Sorting.Resolve(Sort, Dir), ListFacilities.Sorting.Default);

    /// <summary>The export reads from the reports replica when there is one (ADR 32); the list itself reads the primary.</summary>
    public async Task<IActionResult> OnGetExportAsync([FromKeyedServices(ReadReplica.Key)] AppDbContext reports, CancellationToken ct)
    {
        var query = new ListFacilities.Query { RegionCode = RegionCode, Type = Type, Status = Status, Q = Q, Sort = Sort, Dir = Dir };
        return await FileOrListAsync(await ExportFacilities.Handle(query, user, reports, audit, clock, ct), new FieldErrors(), () => OnGetAsync(ct));
    }

    public IReadOnlyList<RegionResource> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Units = (await ListRegions.Handle(null, user.Scope, db, ct)).Where(r => Region.IsUnit(r.Kind)).ToList();
        var pageNumber = Paging.PageNumber(Request);
        var query = new ListFacilities.Query { RegionCode = RegionCode, Type = Type, Status = Status, Q = Q, Page = pageNumber,
            PageSize = PageRequest.DefaultPageSize, Sort = Sort, Dir = Dir };
        // A hand-edited link with a bad filter: say which one, and list without it.
        await ShowAsync(await ListFacilities.Handle(query, user.Scope, db, ct), new FieldErrors(), () => ListFacilities.Handle(
            query with { Type = null, Status = null, Page = 1 }, user.Scope, db, ct));
    }
}
