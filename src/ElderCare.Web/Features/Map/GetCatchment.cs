using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Map;

/// <summary>
/// One facility's 15-minute circle: its position, the circle's walk and the straight-line radius the map draws, and the
/// elders (and priority elders) in the user's scope whose walk to it is inside the circle.
/// </summary>
public sealed record Catchment(Guid FacilityId, string Name, string Type, string Status, double Lat, double Lng, string Method,
    double CircleMeters, double RadiusMeters, int Elders, int Priority);

/// <summary>
/// 二(四) 一刻钟便捷养老服务圈 for one facility, on a click on the map: the same walk as the reach (<see cref="Reach"/>,
/// <see cref="WalkingRule"/>: straight line × detour factor), whatever the facility's status, so a planned site shows
/// the circle it would have. The facility must be in the user's scope (404 otherwise, ADR 19).
/// </summary>
public static class GetCatchment
{
    public static async Task<Outcome<Catchment>> Handle(Guid id, string? asOf, DataScope scope, AppDbContext db, MapOptions options,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = clock.DateOrToday(asOf, "asOf", errors);
        if (errors.Any) return Outcome<Catchment>.Invalid(errors);
        var f = await db.Facilities.AsNoTracking().InScope(scope).Where(x => x.Id == id)
            .Select(x => new { x.Id, x.Name, x.Type, x.Status, x.Latitude, x.Longitude }).FirstOrDefaultAsync(ct);
        if (f is null || scope.RegionPrefix is null) return Outcome<Catchment>.NotFound("未找到该设施。");
        if (f.Latitude is not { } lat || f.Longitude is not { } lng) return Outcome<Catchment>.Conflict("该设施未登记坐标，无法计算服务圈。");

        var rule = options.Walking;
        var radius = rule.CircleStraightMeters;
        // A box around the circle first (in SQL), then the walk of each home in it.
        var box = GeoBox.Around([lat], [lng], radius)!.Value;
        var elders = db.Elders.AsNoTracking().InScope(scope, db).Where(e => e.Status == ElderStatus.Active
            && e.Latitude >= box.South && e.Latitude <= box.North && e.Longitude >= box.West && e.Longitude <= box.East);
        var priority = (await elders.InPriorityGroup(date, await PriorityRules.InForce(db, date, ct)).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        var homes = await elders.Select(e => new { e.Id, Lat = e.Latitude!.Value, Lng = e.Longitude!.Value }).ToListAsync(ct);
        var walks = Reach.Walks(homes.Select(h => h.Lat).ToList(), homes.Select(h => h.Lng).ToList(), new PointIndex([lat], [lng]), rule,
            rule.CircleMeters);
        var inside = homes.Where((_, i) => rule.InCircle(walks[i])).ToList();
        return new Catchment(f.Id, f.Name, Labels.Of(f.Type), Labels.Of(f.Status), lat, lng, "直线距离×绕行系数", rule.CircleMeters, radius,
            inside.Count, inside.Count(h => priority.Contains(h.Id)));
    }
}
