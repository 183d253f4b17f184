using ElderCare.Web.Data;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Map;
using ElderCare.Web.Features.Meals;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Public;

/// <summary>
/// An operating facility as the public sees it: what it is, where, when and how to reach it, what it offers, and the
/// walk from the chosen position (<see cref="WalkingRule"/>). Hours and phone are the register's 开放时间 and 服务电话
/// (the facility's public line, never a person's); null when not registered, and the page says 待登记.
/// </summary>
public sealed record PublicFacility(string Name, string Type, string? Address, string? OpeningHours, string? Phone,
    IReadOnlyList<string> Services, int WalkMinutes, int Meters, double Lat, double Lng);

/// <summary>A set meal on a dining point's menu today (price in fen).</summary>
public sealed record PublicMenuSet(string Meal, string Name, IReadOnlyList<string> Dishes, long PriceFen);

/// <summary>A dining point (助餐点) with its walk and today's menu of its kitchen.</summary>
public sealed record PublicMealPoint(string Name, string? Address, int WalkMinutes, int Meters, double Lat, double Lng,
    IReadOnlyList<PublicMenuSet> TodaysMenu);

public sealed record NearestFacilities(DateOnly Date, double Lat, double Lng, string? Place, IReadOnlyList<PublicFacility> Facilities,
    IReadOnlyList<PublicMealPoint> MealPoints);

/// <summary>
/// The public service map (二(四) 一刻钟便捷养老服务圈, no sign-in): the nearest operating facilities to a position (the
/// phone's) or to a town or community's centre (there is no geocoder on an intranet), nearest walk first, and the
/// nearest dining points with today's menu. Only the register's public facts: no elder, worker or user data.
/// </summary>
public static class FindNearestFacilities
{
    public const int MaxFacilities = 5;
    public const int MaxMealPoints = 3;

    public static async Task<Outcome<NearestFacilities>> Handle(double? lat, double? lng, string? region, string? type, AppDbContext db,
        MapOptions options, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var kind = EnumText.Optional<FacilityType>(type, "type", errors);
        errors.AddIf(lat is null != lng is null, lat is null ? "lat" : "lng", "请同时提供纬度和经度。");
        errors.CheckLocation(lat, lng, "lat", "lng");
        var hasPosition = lat is not null && lng is not null;
        errors.AddIf(!hasPosition && string.IsNullOrWhiteSpace(region) && lat is null && lng is null, "region", "请选择镇街或村社区，或使用当前位置。");
        if (errors.Any) return Outcome<NearestFacilities>.Invalid(errors);

        var today = clock.Today();
        string? place = null;
        if (!hasPosition)
        {
            var centre = (await ListPublicPlaces.Handle(db, ct)).FirstOrDefault(p => p.Code == region!.Trim());
            if (centre is null) return Outcome<NearestFacilities>.Invalid("region", "该区域不存在或暂无已登记位置的服务设施，请另选。");
            (lat, lng, place) = (centre.Lat, centre.Lng, centre.Name);
        }
        var (at, atLng) = (lat!.Value, lng!.Value);
        var rule = options.Walking;
        int Minutes(double meters) => (int)Math.Ceiling(rule.Minutes(rule.WalkFromStraight(meters)));
        int Meters(double meters) => (int)Math.Round(rule.WalkFromStraight(meters));

        var query = db.Facilities.AsNoTracking().OperatingOn(today).Where(f => f.Latitude != null && f.Longitude != null);
        if (kind is { } k) query = query.Where(f => f.Type == k);
        var facilities = (await query
                .Select(f => new { f.Name, f.Type, f.Address, f.OpeningHours, f.ServicePhone, f.Zones, f.Latitude, f.Longitude }).ToListAsync(ct))
            .Select(f => (f, Straight: Geo.DistanceMeters(at, atLng, f.Latitude!.Value, f.Longitude!.Value)))
            .OrderBy(x => x.Straight).ThenBy(x => x.f.Name, StringComparer.Ordinal).Take(MaxFacilities)
            .Select(x => new PublicFacility(x.f.Name, Labels.Of(x.f.Type), x.f.Address, x.f.OpeningHours, x.f.ServicePhone, Services(x.f.Zones),
                Minutes(x.Straight), Meters(x.Straight), x.f.Latitude!.Value, x.f.Longitude!.Value))
            .ToList();

        var operating = db.Facilities.OperatingOn(today).Select(f => f.Id);
        var points = (await db.DiningPoints.AsNoTracking().Where(d => operating.Contains(d.FacilityId))
                .Select(d => new { d.Name, d.Address, d.Latitude, d.Longitude, d.KitchenId }).ToListAsync(ct))
            .Select(d => (d, Straight: Geo.DistanceMeters(at, atLng, d.Latitude, d.Longitude)))
            .OrderBy(x => x.Straight).ThenBy(x => x.d.Name, StringComparer.Ordinal).Take(MaxMealPoints).ToList();
        var kitchens = points.Select(p => p.d.KitchenId).Distinct().ToList();
        var menus = await db.Menus.AsNoTracking().Include(m => m.Sets).Where(m => m.Date == today && kitchens.Contains(m.KitchenId)).ToListAsync(ct);
        var mealPoints = points.Select(x => new PublicMealPoint(x.d.Name, x.d.Address, Minutes(x.Straight), Meters(x.Straight), x.d.Latitude,
                x.d.Longitude,
                menus.Where(m => m.KitchenId == x.d.KitchenId).OrderBy(m => m.Meal)
                    .SelectMany(m => m.Sets.OrderBy(s => s.Code, StringComparer.Ordinal)
                        .Select(s => new PublicMenuSet(m.Meal == Meal.Lunch ? "午餐" : "晚餐", s.Name, s.Dishes, s.PriceFen)))
                    .ToList()))
            .ToList();
        return new NearestFacilities(today, at, atLng, place, facilities, mealPoints);
    }

    /// <summary>What a facility offers, in the public's words, from its 附件1 functional zones (the operations office is no service).</summary>
    public static IReadOnlyList<string> Services(IEnumerable<Zone> zones) => zones.Order().Select(z => z switch
        {
            Zone.Leisure => "休闲娱乐",
            Zone.Education => "文化教育",
            Zone.DailyCare => "生活照料",
            Zone.Health => "健康管理",
            Zone.HumanisticCare => "精神慰藉",
            Zone.ResidentialCare => "托养护理",
            Zone.MedicalRehab => "医疗康复",
            _ => null,
        })
        .OfType<string>().ToList();
}
