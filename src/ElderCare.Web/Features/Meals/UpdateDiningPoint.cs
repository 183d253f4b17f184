using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>Edits a dining point in scope with the checks of registering one; orders already placed are not rewritten.</summary>
public static class UpdateDiningPoint
{
    public static async Task<Outcome<DiningPointResource>> Handle(Guid id, RegisterDiningPoint.Input input, DataScope scope, AppDbContext db,
        CancellationToken ct)
    {
        var point = await db.DiningPoints.InScope(scope).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (point is null) return Outcome<DiningPointResource>.NotFound("未找到该助餐点。");
        var (name, address, text) = MealSiteChecks.CleanText(input.Name, input.Address, "助餐点名称");
        if (text.Any) return Outcome<DiningPointResource>.Invalid(text);
        input = input with { Name = name, Address = address };
        var (errors, facility, trimmed) = await RegisterDiningPoint.Check(input, scope, db, ct, point.KitchenId);
        if (errors.Any) return Outcome<DiningPointResource>.Invalid(errors);
        RegisterDiningPoint.Apply(point, input, facility!, trimmed);
        await db.SaveChangesAsync(ct);
        return DiningPointResource.From(point);
    }
}
