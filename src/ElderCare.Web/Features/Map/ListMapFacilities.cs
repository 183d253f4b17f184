using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Map;

/// <summary>A facility as the map draws it: type and status in Chinese (and as codes for the filters), the 附件1 check, where it stands.</summary>
public sealed record MapFacility(Guid Id, string Name, string Type, string Status, bool Operating, double Lat, double Lng,
    string TypeCode = "", bool Compliant = false);

public sealed record MapFacilities(IReadOnlyList<MapFacility> Items, int Total, bool Truncated);

/// <summary>
/// The facilities in the user's scope that have a recorded position, for the service map (养老服务地图), at most
/// <see cref="MaxFacilities"/> (the district has hundreds; the cap keeps a wrong import from loading the page with
/// tens of thousands), each with its 附件1 check (the standard in force on the date).
/// </summary>
public static class ListMapFacilities
{
    public const int MaxFacilities = 5000;

    public static async Task<MapFacilities> Handle(DateOnly asOf, DataScope scope, AppDbContext db, CancellationToken ct, int max = MaxFacilities)
    {
        var query = db.Facilities.AsNoTracking().InScope(scope)
            .Where(f => f.Latitude != null && f.Longitude != null && f.Status != FacilityStatus.Closed);
        var total = await query.CountAsync(ct);
        var standards = await db.ConstructionStandards.AsNoTracking().ToListAsync(ct);
        var rows = await query.OrderBy(f => f.Name).ThenBy(f => f.Id).Take(max).ToListAsync(ct);
        var items = rows.Select(f => new MapFacility(f.Id, f.Name, Labels.Of(f.Type), Labels.Of(f.Status), f.Status == FacilityStatus.Operating,
            f.Latitude!.Value, f.Longitude!.Value, EnumText.Of(f.Type),
            Compliance.Check(f, ConstructionStandard.EffectiveOn(standards, f.Type, asOf)).Compliant)).ToList();
        return new MapFacilities(items, total, total > items.Count);
    }
}
