using ElderCare.Web.Features.Access;
using ElderCare.Web.Data;
using Microsoft.AspNetCore.Mvc;
using ElderCare.Web.Features.Shared;

namespace ElderCare.Web.Features.Facilities;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Roles.Policies.ReadFacilities)]
public sealed class FacilityDetailsModel(AppDbContext db, TimeProvider clock, CurrentUser user) : OutcomePageModel
{
    public FacilityResource Facility { get; private set; } = null!;
    public ComplianceReport Compliance { get; private set; } = null!;
    public FacilityResource? Hub { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var facility = await GetFacility.Handle(id, user.Scope, db, ct);
        if (!facility.IsOk) return Missing(facility.Message);
        Facility = facility.Value!;
        Compliance = (await CheckCompliance.Handle(id, user.Scope, db, clock, ct)).Value!;
        if (Facility.HubFacilityId is { } hub) Hub = (await GetFacility.Handle(hub, user.Scope, db, ct)).Value;
        return Page();
    }
}
