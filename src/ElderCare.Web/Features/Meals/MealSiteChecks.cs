using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>The checks a kitchen and a dining point share, whether registered or updated.</summary>
internal static class MealSiteChecks
{
    /// <summary>The free-text rules for the name and address (no control characters, bounded length), checked first.</summary>
    public static (string? Name, string? Address, FieldErrors Errors) CleanText(string? name, string? address, string nameLabel)
    {
        var errors = new FieldErrors();
        return (errors.Text(name, "name", nameLabel, FreeText.LongName), errors.Text(address, "address", "地址", FreeText.Address), errors);
    }

    /// <summary>A name (required), an address and a position in range; returns the trimmed name.</summary>
    public static string NameAddressPosition(FieldErrors errors, string? name, string? address, LocationResource? location, string nameMissing)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) errors.Add("name", nameMissing);
        else errors.AddIf(trimmed.Length > FreeText.LongName, "name", $"名称不能超过 {FreeText.LongName} 个字。");
        errors.AddIf(address?.Trim().Length > FreeText.Address, "address", $"地址不能超过 {FreeText.Address} 个字。");
        errors.CheckLocation(location?.Lat, location?.Lng);
        return trimmed;
    }

    /// <summary>The facility that runs or houses the site; unknown or outside scope is an error on <c>facilityId</c>.</summary>
    public static async Task<Facility?> FacilityInScope(Guid id, FieldErrors errors, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var facility = await db.Facilities.AsNoTracking().InScope(scope).FirstOrDefaultAsync(f => f.Id == id, ct);
        errors.AddIf(facility is null, "facilityId", "所选设施不存在或不在您的管辖范围内。");
        return facility;
    }
}
