using ElderCare.Web.Features.Shared;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

public static class RegisterKitchen
{
    /// <summary>A kitchen run by a facility takes the facility's region unless one is given.</summary>
    public sealed record Input(string? Name, Guid? FacilityId, string? RegionCode, string? Address, LocationResource? Location);

    public static async Task<Outcome<KitchenResource>> Handle(Input input, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var (name, address, text) = MealSiteChecks.CleanText(input.Name, input.Address, "厨房名称");
        if (text.Any) return Outcome<KitchenResource>.Invalid(text);
        input = input with { Name = name, Address = address };
        var (errors, facility, code, trimmed) = await Check(input, scope, db, ct);
        if (errors.Any) return Outcome<KitchenResource>.Invalid(errors);
        var kitchen = new Kitchen { Name = trimmed, RegionCode = code!, UnitCode = Region.UnitOf(code!)!, CreatedAt = clock.UtcNow() };
        Apply(kitchen, input, facility, trimmed, code!);
        db.Kitchens.Add(kitchen);
        await db.SaveChangesAsync(ct);
        return KitchenResource.From(kitchen);
    }

    /// <summary>The checks shared with <see cref="UpdateKitchen"/>: name, address, position, facility and region in scope.</summary>
    internal static async Task<(FieldErrors Errors, Facility? Facility, string? Code, string Name)> Check(Input input, DataScope scope,
        AppDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = MealSiteChecks.NameAddressPosition(errors, input.Name, input.Address, input.Location, "请填写厨房名称。");
        var facility = input.FacilityId is { } fid ? await MealSiteChecks.FacilityInScope(fid, errors, scope, db, ct) : null;
        var code = input.RegionCode?.Trim() is { Length: > 0 } c ? c : facility?.RegionCode;
        if (code is null) errors.Add("regionCode", "请选择厨房所在的镇街或村社区，或选择运营设施。");
        else if (!scope.Covers(code) || !await db.Regions.AnyAsync(r => r.Code == code && r.Kind != RegionKind.District, ct))
            errors.Add("regionCode", $"区域代码 {code} 不存在或不在您的管辖范围内。");
        return (errors, facility, code, name);
    }

    internal static void Apply(Kitchen kitchen, Input input, Facility? facility, string name, string code)
    {
        kitchen.Name = name;
        kitchen.FacilityId = facility?.Id;
        kitchen.RegionCode = code;
        kitchen.UnitCode = Region.UnitOf(code)!;
        kitchen.Address = FormValues.Trimmed(input.Address);
        kitchen.Latitude = input.Location?.Lat ?? facility?.Latitude;
        kitchen.Longitude = input.Location?.Lng ?? facility?.Longitude;
    }
}
