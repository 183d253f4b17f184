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

    public static async Task<Outcome<KitchenResource>> Handle(Input input, DataScope scope, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var text = new FieldErrors();
        input = input with { Name = text.Text(input.Name, "name", "厨房名称", FreeText.LongName), Address = text.Text(input.Address, "address", "地址", FreeText.Address) };
        if (text.Any) return Outcome<KitchenResource>.Invalid(text);
        var (errors, facility, code, name) = await Check(input, scope, db, ct);
        if (errors.Any) return Outcome<KitchenResource>.Invalid(errors);
        var kitchen = new Kitchen { Name = name, RegionCode = code!, UnitCode = Region.UnitOf(code!)!, CreatedAt = clock.UtcNow() };
        Apply(kitchen, input, facility, name, code!);
        db.Kitchens.Add(kitchen);
        await db.SaveChangesAsync(ct);
        return KitchenResource.From(kitchen);
    }

    /// <summary>The checks shared with <see cref="UpdateKitchen"/>: name, address, position, facility and region in scope.</summary>
    internal static async Task<(FieldErrors Errors, Facility? Facility, string? Code, string Name)> Check(Input input, DataScope scope, AppDbContext db,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add("name", "请填写厨房名称。");
        else errors.AddIf(name.Length > 200, "name", "名称不能超过 200 个字。");
        errors.AddIf(input.Address?.Trim().Length > 300, "address", "地址不能超过 300 个字。");
        MealValidation.Location(input.Location, errors);

        Facility? facility = null;
        if (input.FacilityId is { } fid)
        {
            facility = await db.Facilities.AsNoTracking().InScope(scope).FirstOrDefaultAsync(f => f.Id == fid, ct);
            errors.AddIf(facility is null, "facilityId", "所选设施不存在或不在您的管辖范围内。");
        }
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
