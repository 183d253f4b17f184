using ElderCare.Web.Features.Access;
using ElderCare.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Facilities;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Roles.Policies.ReadFacilities)]
public sealed class FacilityDetailsModel(AppDbContext db, TimeProvider clock, CurrentUser user) : PageModel
{
    public string? NotFoundMessage { get; private set; }
    public FacilityResource Facility { get; private set; } = null!;
    public ComplianceReport Compliance { get; private set; } = null!;
    public FacilityResource? Hub { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var facility = await GetFacility.Handle(id, user.Scope, db, ct);
        if (!facility.IsOk)
        {
            NotFoundMessage = facility.Message;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Facility = facility.Value!;
        Compliance = (await CheckCompliance.Handle(id, user.Scope, db, clock, ct)).Value!;
        if (Facility.HubFacilityId is { } hub) Hub = (await GetFacility.Handle(hub, user.Scope, db, ct)).Value;
        return Page();
    }
}
