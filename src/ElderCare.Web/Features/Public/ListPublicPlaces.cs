using ElderCare.Web.Data;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Public;

/// <summary>A street or town, or a community or village, and the point the public map searches from.</summary>
public sealed record PublicPlace(string Code, string Name, bool Unit, double Lat, double Lng);

/// <summary>
/// The places a visitor can choose on the public map (there is no geocoder on an intranet): streets and towns, and
/// communities and villages under them, each centred on the mean position of the facilities and dining points
/// registered there; places without any are left out. Only public register data (names, codes, facility positions).
/// </summary>
public static class ListPublicPlaces
{
    public static async Task<IReadOnlyList<PublicPlace>> Handle(AppDbContext db, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().Where(r => r.Kind != RegionKind.District)
            .Select(r => new { r.Code, r.Name, r.Kind }).ToListAsync(ct);
        var positions = (await db.Facilities.AsNoTracking()
                .Where(f => f.Latitude != null && f.Longitude != null && f.Status != FacilityStatus.Closed)
                .Select(f => new { f.RegionCode, Lat = f.Latitude!.Value, Lng = f.Longitude!.Value }).ToListAsync(ct))
            .Concat(await db.DiningPoints.AsNoTracking().Select(d => new { d.RegionCode, Lat = d.Latitude, Lng = d.Longitude }).ToListAsync(ct))
            .ToList();
        return regions.Select(r =>
            {
                var inside = positions.Where(p => p.RegionCode.StartsWith(r.Code, StringComparison.Ordinal)).ToList();
                return inside.Count == 0 ? null
                    : new PublicPlace(r.Code, r.Name, Region.IsUnit(r.Kind), Math.Round(inside.Average(p => p.Lat), 6),
                        Math.Round(inside.Average(p => p.Lng), 6));
            })
            .OfType<PublicPlace>().OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
    }
}
