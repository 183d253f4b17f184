using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Facilities;

public static class CheckCompliance
{
    /// <summary>Checks a facility against the Attachment 1 standard in force today.</summary>
    public static async Task<Outcome<ComplianceReport>> Handle(Guid id, DataScope scope, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var facility = await db.Facilities.AsNoTracking().InScope(scope).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (facility is null) return Outcome<ComplianceReport>.NotFound("未找到该设施。");
        var standards = await db.ConstructionStandards.AsNoTracking().Where(s => s.Type == facility.Type).ToListAsync(ct);
        var stationsRun = facility.Type == FacilityType.StreetCenter
            ? await db.Facilities.CountAsync(f => f.HubFacilityId == id && f.Status != FacilityStatus.Closed, ct)
            : 0;
        return Compliance.Check(facility, ConstructionStandard.EffectiveOn(standards, facility.Type, clock.Today()), stationsRun);
    }
}
