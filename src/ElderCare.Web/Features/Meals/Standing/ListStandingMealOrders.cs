using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>Standing orders of the elders in scope (the scope of their meal orders' elders), running ones first, by elder name.</summary>
public static class ListStandingMealOrders
{
    public static async Task<Paged<StandingMealOrderResource>> Handle(PageRequest page, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var rows = InScope(scope, db).OrderBy(x => x.Order.PausedOn != null).ThenBy(x => x.Name).ThenBy(x => x.Order.Id);
        var total = await rows.CountAsync(ct);
        var items = await rows.Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new([.. items.Select(x => StandingMealOrderResource.From(x.Order, x.Name))], page.Page, page.PageSize, total);
    }

    /// <summary>One standing order (tracked) with its elder's name, or null when it is not in scope.</summary>
    public static async Task<(StandingMealOrder Order, string Name)?> FindAsync(Guid id, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var row = await db.StandingMealOrders.Where(s => s.Id == id)
            .Join(db.MealEldersInScope(scope), s => s.ElderId, e => e.Id, (s, e) => new { Order = s, e.Name }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.Order, row.Name);
    }

    internal sealed class Row
    {
        public required StandingMealOrder Order { get; init; }
        public required string Name { get; init; }
    }

    internal static IQueryable<Row> InScope(DataScope scope, AppDbContext db) =>
        db.StandingMealOrders.AsNoTracking()
            .Join(db.MealEldersInScope(scope), s => s.ElderId, e => e.Id, (s, e) => new Row { Order = s, Name = e.Name });
}
