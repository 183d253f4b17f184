using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>Edits a kitchen in scope with the checks of registering one; orders already placed are not rewritten.</summary>
public static class UpdateKitchen
{
    public static async Task<Outcome<KitchenResource>> Handle(Guid id, RegisterKitchen.Input input, DataScope scope, AppDbContext db,
        CancellationToken ct)
    {
        var kitchen = await db.Kitchens.InScope(scope).FirstOrDefaultAsync(k => k.Id == id, ct);
        if (kitchen is null) return Outcome<KitchenResource>.NotFound("未找到该中央厨房。");
        var (name, address, text) = MealSiteChecks.CleanText(input.Name, input.Address, "厨房名称");
        if (text.Any) return Outcome<KitchenResource>.Invalid(text);
        input = input with { Name = name, Address = address };
        var (errors, facility, code, trimmed) = await RegisterKitchen.Check(input, scope, db, ct);
        if (errors.Any) return Outcome<KitchenResource>.Invalid(errors);
        RegisterKitchen.Apply(kitchen, input, facility, trimmed, code!);
        await db.SaveChangesAsync(ct);
        return KitchenResource.From(kitchen);
    }
}
