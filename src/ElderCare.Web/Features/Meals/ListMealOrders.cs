using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>The orders of a day in scope, with elder names and the 2 h flag for meals already eaten.</summary>
public static class ListMealOrders
{
    public sealed record Filter(DateOnly Date, Meal? Meal = null, Guid? DiningPointId = null, Guid? KitchenId = null);

    public static async Task<IReadOnlyList<MealOrderResource>> Handle(Filter filter, DataScope scope, AppDbContext db, MealOptions options,
        CancellationToken ct)
    {
        var query = db.MealOrders.AsNoTracking().InScope(scope).Where(o => o.Date == filter.Date);
        if (filter.Meal is { } meal) query = query.Where(o => o.Meal == meal);
        if (filter.DiningPointId is { } p) query = query.Where(o => o.DiningPointId == p);
        if (filter.KitchenId is { } k) query = query.Where(o => o.KitchenId == k);
        var rows = await query.Join(db.Elders, o => o.ElderId, e => e.Id, (o, e) => new { Order = o, e.Name }).ToListAsync(ct);
        var kitchens = rows.Select(r => r.Order.KitchenId).Distinct().ToList();
        var batches = (await db.FoodBatches.AsNoTracking().Where(b => kitchens.Contains(b.KitchenId) && b.Date == filter.Date).ToListAsync(ct))
            .ToLookup(b => (b.KitchenId, b.Meal));
        return rows.OrderBy(r => r.Order.Meal).ThenBy(r => r.Order.DiningPointId).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => MealOrderResource.From(r.Order, r.Name,
                r.Order.ServedAt is { } at ? FoodSafety.BatchFor(batches[(r.Order.KitchenId, r.Order.Meal)], r.Order.SetCode, at) : null, options))
            .ToList();
    }
}
