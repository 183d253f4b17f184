using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Facilities;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Alarms;

public static class AlarmQueries
{
    /// <summary>Alarms the user may see: the district; a town officer's street or town; an operator's stations.</summary>
    public static IQueryable<Alarm> InScope(this IQueryable<Alarm> alarms, DataScope scope) => scope.Kind switch
    {
        ScopeKind.District => alarms,
        ScopeKind.Unit => alarms.Where(a => a.UnitCode == scope.RegionCode),
        ScopeKind.Facilities => alarms.Where(a => a.StationId != null && scope.FacilityIds.Contains(a.StationId.Value)),
        _ => alarms.Where(a => false),
    };

    public static IQueryable<Device> InScope(this IQueryable<Device> devices, DataScope scope) => scope.Kind switch
    {
        ScopeKind.District => devices,
        ScopeKind.Unit => devices.Where(d => d.UnitCode == scope.RegionCode),
        ScopeKind.Facilities => devices.Where(d => d.StationId != null && scope.FacilityIds.Contains(d.StationId.Value)),
        _ => devices.Where(d => false),
    };

    /// <summary>
    /// The station that looks after an elder: an operating community station or village point of the elder's community
    /// or village, else the operating street or town centre of the unit (中心带站、中心带点).
    /// </summary>
    public static async Task<Guid?> StationOf(string regionCode, string unitCode, AppDbContext db, CancellationToken ct)
    {
        var candidates = await db.Facilities.AsNoTracking()
            .Where(f => f.Status == FacilityStatus.Operating && (f.RegionCode == regionCode || f.UnitCode == unitCode))
            .Select(f => new { f.Id, f.Type, f.RegionCode })
            .ToListAsync(ct);
        return candidates
            .OrderBy(f => f.RegionCode == regionCode && f.Type is FacilityType.CommunityStation or FacilityType.VillagePoint ? 0
                : f.Type is FacilityType.StreetCenter or FacilityType.TownCenter ? 1 : 2)
            .ThenBy(f => f.Id)
            .Select(f => (Guid?)f.Id).FirstOrDefault();
    }

    /// <summary>SignalR groups that hear about an alarm: the district duty desk, its street or town, its station.</summary>
    public static IReadOnlyList<string> GroupsOf(string unitCode, Guid? stationId) =>
        stationId is { } s
            ? [AlarmHub.DistrictGroup, AlarmHub.UnitGroup(unitCode), AlarmHub.StationGroup(s)]
            : [AlarmHub.DistrictGroup, AlarmHub.UnitGroup(unitCode)];
}
