using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>A meal eaten more than the limit after its batch was cooked, or eaten with no cooking time recorded.</summary>
public sealed record LateMeal(Guid OrderId, string ElderName, DateOnly Date, Meal Meal, string SetCode, string KitchenName, DateTime? CookedAt,
    DateTime ServedAt, int? MinutesFromCooking);

public sealed record FoodSafetyLog(DateOnly From, DateOnly To, IReadOnlyList<FoodBatchResource> Batches,
    IReadOnlyList<FoodBatchResource> SampleProblems,
    IReadOnlyList<LateMeal> LateMeals);

/// <summary>
/// The food-safety log of the kitchens in scope over a period: batches with their samples, the batches whose sample is
/// missing or kept less than 48 h, and meals eaten more than 2 h after cooking (or with no cooking time on record).
/// </summary>
public static class GetFoodSafetyLog
{
    public const int MaxDays = 92;

    public static async Task<Outcome<FoodSafetyLog>> Handle(DateOnly from, DateOnly to, Guid? kitchenId, DataScope scope, AppDbContext db,
        MealOptions options, CancellationToken ct)
    {
        if (to < from) return Outcome<FoodSafetyLog>.Invalid("to", "结束日期不能早于开始日期。");
        if (to.DayNumber - from.DayNumber >= MaxDays) return Outcome<FoodSafetyLog>.Invalid("from", $"一次最多查询 {MaxDays} 天。");
        var kitchens = await db.Kitchens.AsNoTracking().InScope(scope).Where(k => kitchenId == null || k.Id == kitchenId)
            .ToDictionaryAsync(k => k.Id, k => k.Name, ct);
        if (kitchenId is not null && kitchens.Count == 0) return Outcome<FoodSafetyLog>.NotFound("未找到该中央厨房。");
        var ids = kitchens.Keys.ToList();
        var batches = await db.FoodBatches.AsNoTracking().Where(b => ids.Contains(b.KitchenId) && b.Date >= from && b.Date <= to).ToListAsync(ct);
        var rows = batches.OrderByDescending(b => b.Date).ThenBy(b => b.Meal).ThenBy(b => b.CookedAt)
            .Select(b => FoodBatchResource.From(b, kitchens[b.KitchenId], options)).ToList();

        var eaten = await db.MealOrders.AsNoTracking().Where(o => ids.Contains(o.KitchenId) && o.Date >= from && o.Date <= to && o.ServedAt != null)
            .Join(db.Elders, o => o.ElderId, e => e.Id, (o, e) => new { Order = o, e.Name }).ToListAsync(ct);
        var byMeal = batches.ToLookup(b => (b.KitchenId, b.Date, b.Meal));
        var late = new List<LateMeal>();
        foreach (var r in eaten.OrderByDescending(r => r.Order.Date).ThenBy(r => r.Order.ServedAt))
        {
            var o = r.Order;
            var batch = FoodSafety.BatchFor(byMeal[(o.KitchenId, o.Date, o.Meal)], o.SetCode, o.ServedAt!.Value);
            if (batch is null || FoodSafety.TooLongAfterCooking(batch.CookedAt, o.ServedAt.Value, options.CookToEatLimit))
                late.Add(new LateMeal(o.Id, r.Name, o.Date, o.Meal, o.SetCode, kitchens[o.KitchenId], batch?.CookedAt, o.ServedAt.Value,
                    batch is null ? null : (int)Math.Round((o.ServedAt.Value - batch.CookedAt).TotalMinutes)));
        }
        return new FoodSafetyLog(from, to, rows, rows.Where(b => b.SampleState is SampleState.Missing or SampleState.Short).ToList(), late);
    }
}
