using ElderCare.Web.Features.Shared;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

public static class RegisterDiningPoint
{
    /// <summary>A dining point lies at its facility unless a position is given; delivery rounds start there.</summary>
    public sealed record Input(string? Name, Guid? FacilityId, Guid? KitchenId, string? Address, LocationResource? Location);

    public static async Task<Outcome<DiningPointResource>> Handle(Input input, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var (name, address, text) = MealSiteChecks.CleanText(input.Name, input.Address, "助餐点名称");
        if (text.Any) return Outcome<DiningPointResource>.Invalid(text);
        input = input with { Name = name, Address = address };
        var (errors, facility, trimmed) = await Check(input, scope, db, ct);
        if (errors.Any) return Outcome<DiningPointResource>.Invalid(errors);
        var point = new DiningPoint { Name = trimmed, RegionCode = facility!.RegionCode, UnitCode = facility.UnitCode, CreatedAt = clock.UtcNow() };
        Apply(point, input, facility, trimmed);
        db.DiningPoints.Add(point);
        await db.SaveChangesAsync(ct);
        return DiningPointResource.From(point);
    }

    /// <summary>The checks shared with <see cref="UpdateDiningPoint"/>: name, address, facility in scope, kitchen, a position.</summary>
    internal static async Task<(FieldErrors Errors, Facility? Facility, string Name)> Check(Input input, DataScope scope, AppDbContext db,
        CancellationToken ct, Guid? keptKitchen = null)
    {
        var errors = new FieldErrors();
        var name = MealSiteChecks.NameAddressPosition(errors, input.Name, input.Address, input.Location, "请填写助餐点名称。");
        Facility? facility = null;
        if (input.FacilityId is not { } fid) errors.Add("facilityId", "请选择助餐点所在的养老服务设施。");
        else facility = await MealSiteChecks.FacilityInScope(fid, errors, scope, db, ct);
        // The kitchen must be one the user may read (ADR 0019); a neighbour's kitchen is bound by the district or by
        // the officer of the kitchen's unit, and outside scope it reads as unknown. Editing keeps the kitchen it has.
        if (input.KitchenId is not { } kid) errors.Add("kitchenId", "请选择供餐的中央厨房。");
        else if (kid != keptKitchen && !await db.Kitchens.InScope(scope).AnyAsync(k => k.Id == kid, ct))
            errors.Add("kitchenId", "所选中央厨房不存在。");
        var lat = input.Location?.Lat ?? facility?.Latitude;
        var lng = input.Location?.Lng ?? facility?.Longitude;
        if (facility is not null && (lat is null || lng is null))
            errors.Add("location", "设施没有登记位置，请填写助餐点的经纬度（送餐路线从这里出发）。");
        return (errors, facility, name);
    }

    /// <summary>Orders already placed keep the kitchen, unit and facility they were placed with.</summary>
    internal static void Apply(DiningPoint point, Input input, Facility facility, string name)
    {
        point.Name = name;
        point.FacilityId = facility.Id;
        point.KitchenId = input.KitchenId!.Value;
        point.RegionCode = facility.RegionCode;
        point.UnitCode = facility.UnitCode;
        point.Address = FormValues.Trimmed(input.Address) ?? facility.Address;
        point.Latitude = (input.Location?.Lat ?? facility.Latitude)!.Value;
        point.Longitude = (input.Location?.Lng ?? facility.Longitude)!.Value;
    }
}
