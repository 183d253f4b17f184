using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>One order in scope, with the elder's name and, once eaten, the batch's cooking time and the 2 h flag.</summary>
public static class GetMealOrder
{
    public static async Task<Outcome<MealOrderResource>> Handle(Guid id, DataScope scope, AppDbContext db, MealOptions options, CancellationToken ct)
    {
        var order = await db.MealOrders.AsNoTracking().InScope(scope).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null) return Outcome<MealOrderResource>.NotFound("未找到该订餐。");
        var name = await db.Elders.Where(e => e.Id == order.ElderId).Select(e => e.Name).FirstAsync(ct);
        var batches = await db.FoodBatches.AsNoTracking().Where(b => b.KitchenId == order.KitchenId && b.Date == order.Date
            && b.Meal == order.Meal).ToListAsync(ct);
        return MealOrderResource.From(order, name, order.ServedAt is { } at ? FoodSafety.BatchFor(batches, order.SetCode, at) : null, options);
    }
}
