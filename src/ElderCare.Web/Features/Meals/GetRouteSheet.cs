using ElderCare.Web.Infrastructure.Web;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>One stop of a round, in order; distance from the previous stop (or the dining point) when both are placed.</summary>
public sealed record RouteStop(int Order, Guid OrderId, Guid ElderId, string ElderName, string? Address, string SetCode, string SetName,
    IReadOnlyList<DietNeed> Diets, string? Notes, int? MetresFromPrevious, MealOrderStatus Status, DateTime? DeliveredAt);

public sealed record RouteSheet(Guid DiningPointId, string DiningPointName, string? DiningPointAddress, DateOnly Date, Meal Meal,
    IReadOnlyList<RouteStop> Stops);

/// <summary>The delivery route sheet of a dining point for a meal: the stops in nearest-neighbour order from the point.</summary>
public static class GetRouteSheet
{
    public static async Task<Outcome<RouteSheet>> Handle(Guid diningPointId, DateOnly date, Meal meal, DataScope scope, AppDbContext db,
        CancellationToken ct)
    {
        var point = await db.DiningPoints.AsNoTracking().InScope(scope).FirstOrDefaultAsync(p => p.Id == diningPointId, ct);
        if (point is null) return Outcome<RouteSheet>.NotFound("未找到该助餐点。");
        var rows = await db.MealOrders.AsNoTracking()
            .Where(o => o.DiningPointId == diningPointId && o.Date == date && o.Meal == meal && o.Mode == MealMode.Delivery
                        && o.Status != MealOrderStatus.Cancelled)
            .Join(db.Elders, o => o.ElderId, e => e.Id, (o, e) => new { Order = o, e.Name, e.Address, e.Latitude, e.Longitude })
            .ToListAsync(ct);
        var elderIds = rows.Select(r => r.Order.ElderId).ToList();
        var notes = await db.MealProfiles.AsNoTracking().Where(p => elderIds.Contains(p.ElderId)).ToDictionaryAsync(p => p.ElderId, p => p.Notes, ct);

        var byId = rows.ToDictionary(r => r.Order.Id);
        var route = RouteOrder.NearestNeighbour(point.Latitude, point.Longitude,
            rows.Select(r => new RouteStopPlace(r.Order.Id, r.Name, r.Latitude, r.Longitude)));
        var stops = new List<RouteStop>(route.Count);
        (double Lat, double Lng)? previous = (point.Latitude, point.Longitude);
        foreach (var place in route)
        {
            var r = byId[place.Key];
            int? metres = null;
            if (place.Latitude is { } lat && place.Longitude is { } lng)
            {
                if (previous is { } p) metres = (int)Math.Round(Geo.DistanceMeters(p.Lat, p.Lng, lat, lng));
                previous = (lat, lng);
            }
            else previous = null;
            stops.Add(new RouteStop(stops.Count + 1, r.Order.Id, r.Order.ElderId, r.Name, r.Address, r.Order.SetCode, r.Order.SetName, r.Order.Diets,
                notes.GetValueOrDefault(r.Order.ElderId), metres, r.Order.Status, r.Order.ServedAt));
        }
        return new RouteSheet(point.Id, point.Name, point.Address, date, meal, stops);
    }

    public static byte[] Excel(RouteSheet sheet)
    {
        var rows = sheet.Stops.Select(s => new Dictionary<string, object?>
        {
            ["顺序"] = s.Order, ["老年人"] = s.ElderName, ["地址"] = s.Address, ["套餐"] = $"{s.SetCode} {s.SetName}",
            ["饮食需要"] = DietSuitability.NamesOf(s.Diets), ["备注"] = s.Notes, ["距上一站（米）"] = s.MetresFromPrevious,
            ["送达时间"] = null, ["老人情况"] = null,
        }).ToList();
        return SpreadsheetWriter.Xlsx($"{sheet.Date:MMdd}{MealValidation.NameOf(sheet.Meal)}送餐", rows.Count > 0 ? rows :
            [new Dictionary<string, object?> { ["顺序"] = null, ["老年人"] = "（本餐无送餐）" }]);
    }
}
