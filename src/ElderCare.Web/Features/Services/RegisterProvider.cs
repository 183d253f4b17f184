using System.Text.RegularExpressions;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>Registers a service provider in scope; a facility is registered as a provider once (409 the second time).</summary>
public static partial class RegisterProvider
{
    /// <summary>A facility of the registry (name and unit taken from it) or a registered organisation (name, unit, credit code).</summary>
    public sealed record Input(string? Name, Guid? FacilityId, string? UnitCode, string? CreditCode);

    public static async Task<Outcome<ProviderResource>> Handle(Input input, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        input = input with { Name = errors.Text(input.Name, "name", "服务机构名称", FreeText.Name) };
        string? name = input.Name?.Trim(), unit = input.UnitCode?.Trim();
        if (input.FacilityId is { } fid)
        {
            var f = await db.Facilities.AsNoTracking().InScope(scope).Where(x => x.Id == fid)
                .Select(x => new { x.Name, x.UnitCode }).FirstOrDefaultAsync(ct);
            if (f is null) errors.Add("facilityId", "找不到该设施，或不在您的管辖范围内。");
            else
            {
                name = string.IsNullOrEmpty(name) ? f.Name : name;
                unit = f.UnitCode;
                if (await db.ServiceProviders.AnyAsync(p => p.FacilityId == fid, ct)) return Outcome<ProviderResource>.Conflict("该设施已登记为服务机构。");
            }
        }
        CheckName(name, errors);
        if (input.FacilityId is null)
        {
            await CheckUnitAsync(unit, scope, db, errors, ct);
            CheckCreditCode(input.CreditCode?.Trim(), errors);
        }
        if (errors.Any) return Outcome<ProviderResource>.Invalid(errors);
        var p = new ServiceProvider
        {
            Name = name!, FacilityId = input.FacilityId, UnitCode = unit!, CreditCode = input.CreditCode?.Trim(), CreatedAt = clock.UtcNow(),
        };
        db.ServiceProviders.Add(p);
        await db.SaveChangesAsync(ct);
        return ProviderResource.From(p);
    }

    internal static void CheckName(string? name, FieldErrors errors) =>
        errors.AddIf(string.IsNullOrEmpty(name) || name.Length > 100, "name", "请填写服务机构名称（不超过 100 字）。");

    /// <summary>An organisation stands in a street or town (9-digit division code) within the user's scope.</summary>
    internal static async Task CheckUnitAsync(string? unit, DataScope scope, AppDbContext db, FieldErrors errors, CancellationToken ct)
    {
        if (unit is not { Length: 9 } || !await db.Regions.AnyAsync(r => r.Code == unit, ct) || !scope.Covers(unit))
            errors.Add("unitCode", "请选择服务机构所在的街道或镇（9 位区划代码，须在您的管辖范围内）。");
    }

    /// <summary>GB 32100-2015: the unified social credit code is 18 characters without I, O, Z, S, V.</summary>
    internal static void CheckCreditCode(string? creditCode, FieldErrors errors) =>
        errors.AddIf(creditCode is not null && !CreditCode().IsMatch(creditCode), "creditCode", "统一社会信用代码应为 18 位。");

    [GeneratedRegex("^[0-9A-HJ-NPQRTUWXY]{18}$")]
    private static partial Regex CreditCode();
}
