using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>
/// Edits a provider in scope: its name and whether it is active; an organisation also its street or town and credit
/// code (a facility's provider keeps the facility's unit). An inactive provider takes no new orders; its workers and
/// past orders stay.
/// </summary>
public static class UpdateProvider
{
    public sealed record Input(string? Name, string? UnitCode, string? CreditCode, bool? Active);

    public static async Task<Outcome<ProviderResource>> Handle(Guid id, Input input, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var provider = await db.ServiceProviders.InScope(scope).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (provider is null) return Outcome<ProviderResource>.NotFound("未找到该服务机构。");
        var errors = new FieldErrors();
        input = input with { Name = errors.Text(input.Name, "name", "服务机构名称", FreeText.Name) };
        var name = input.Name?.Trim();
        RegisterProvider.CheckName(name, errors);
        var unit = provider.UnitCode;
        string? credit = provider.CreditCode;
        if (provider.FacilityId is null)
        {
            unit = input.UnitCode?.Trim() ?? provider.UnitCode;
            await RegisterProvider.CheckUnitAsync(unit, scope, db, errors, ct);
            credit = input.CreditCode?.Trim() is { Length: > 0 } cc ? cc : null;
            RegisterProvider.CheckCreditCode(credit, errors);
        }
        if (errors.Any) return Outcome<ProviderResource>.Invalid(errors);
        provider.Name = name!;
        provider.UnitCode = unit;
        provider.CreditCode = credit;
        if (input.Active is { } active) provider.Active = active;
        await db.SaveChangesAsync(ct);
        return ProviderResource.From(provider);
    }
}
