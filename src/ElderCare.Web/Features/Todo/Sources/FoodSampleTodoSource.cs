using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Meals;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Todo.Sources;

/// <summary>
/// Meals without a food sample (<see cref="FoodSafety"/>: every batch is sampled and the sample kept 48 h): batches of
/// the kitchens in scope cooked in the last <see cref="WindowDays"/> days with no sample recorded, for the street or
/// town and the operator that run the kitchens.
/// </summary>
public sealed class FoodSampleTodoSource : QueryTodoSource<FoodBatch>
{
    public const string Kind = "食品留样";
    public const int WindowDays = 7;

    protected override async Task<IReadOnlyList<TodoItem>> ItemsAsync(IQueryable<FoodBatch> q, AppDbContext db, DateTime now, int take,
        CancellationToken ct)
    {
        var rows = await q.OrderBy(b => b.CookedAt).ThenBy(b => b.Id).Take(take)
            .Select(b => new
            {
                b.KitchenId, b.Date, b.Meal, b.CookedAt, Kitchen = db.Kitchens.Where(k => k.Id == b.KitchenId).Select(k => k.Name).First(),
            })
            .ToListAsync(ct);
        return rows.Select(b => new TodoItem(Kind,
            $"{b.Kitchen} {b.Date:yyyy-MM-dd} {(b.Meal == Meal.Lunch ? "午餐" : "晚餐")}（{Shared.Display.ChinaTime(b.CookedAt)} 出餐）未留样",
            $"/meals/food-safety?kitchenId={b.KitchenId}", null, true)).ToList();
    }

    protected override IQueryable<FoodBatch>? Query(TodoUser user, AppDbContext db, DateTime now)
    {
        if (!user.WorksLocally) return null;
        var since = now.AddDays(-WindowDays);
        var kitchens = db.Kitchens.InScope(user.Scope).Select(k => k.Id);
        return db.FoodBatches.AsNoTracking().Where(b => b.SampleTakenAt == null && b.CookedAt >= since && kitchens.Contains(b.KitchenId));
    }
}
