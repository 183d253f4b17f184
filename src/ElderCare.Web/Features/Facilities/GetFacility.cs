using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Facilities;

public static class GetFacility
{
    public static async Task<Outcome<FacilityResource>> Handle(Guid id, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var facility = await db.Facilities.AsNoTracking().InScope(scope).Include(f => f.StatusHistory).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (facility is null) return Outcome<FacilityResource>.NotFound("未找到该设施。");
        var regionName = await db.Regions.Where(r => r.Code == facility.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct);
        return FacilityResource.From(facility, regionName);
    }
}
