using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Map;

/// <summary>A facility as the map draws it: type and status in Chinese, and where it stands.</summary>
public sealed record MapFacility(Guid Id, string Name, string Type, string Status, bool Operating, double Lat, double Lng);

/// <summary>The facilities in the user's scope that have a recorded position, for the service map (养老服务地图).</summary>
public static class ListMapFacilities
{
    public static async Task<IReadOnlyList<MapFacility>> Handle(DataScope scope, AppDbContext db, CancellationToken ct) =>
        (await db.Facilities.AsNoTracking().InScope(scope).Where(f => f.Latitude != null && f.Longitude != null && f.Status != FacilityStatus.Closed)
            .OrderBy(f => f.Name).Select(f => new { f.Id, f.Name, f.Type, f.Status, f.Latitude, f.Longitude }).ToListAsync(ct))
        .Select(f => new MapFacility(f.Id, f.Name, Labels.Of(f.Type), Labels.Of(f.Status), f.Status == FacilityStatus.Operating,
            f.Latitude!.Value, f.Longitude!.Value)).ToList();
}
