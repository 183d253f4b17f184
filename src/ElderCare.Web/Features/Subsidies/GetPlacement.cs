using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Subsidies;

/// <summary>A placement, seen by those who see its facility.</summary>
public static class GetPlacement
{
    public static async Task<Outcome<PlacementResource>> Handle(Guid id, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var facilities = db.Facilities.InScope(scope).Select(f => f.Id);
        var p = await db.Placements.AsNoTracking().Where(x => facilities.Contains(x.FacilityId)).FirstOrDefaultAsync(x => x.Id == id, ct);
        return p is null ? Outcome<PlacementResource>.NotFound("未找到该安置记录，或不在您的管辖范围内。") : PlacementResource.Of(p);
    }
}
