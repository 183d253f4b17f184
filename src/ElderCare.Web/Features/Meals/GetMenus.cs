using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

public static class GetMenus
{
    /// <summary>Menus of the kitchens in scope for a day (optionally one kitchen and one meal).</summary>
    public static async Task<Outcome<IReadOnlyList<MenuResource>>> Handle(DateOnly date, Guid? kitchenId, Meal? meal, DataScope scope,
        AppDbContext db, CancellationToken ct)
    {
        var kitchens = db.Kitchens.InScope(scope).Select(k => k.Id);
        var query = db.Menus.AsNoTracking().Include(m => m.Sets).Where(m => m.Date == date && kitchens.Contains(m.KitchenId));
        if (kitchenId is { } k) query = query.Where(m => m.KitchenId == k);
        if (meal is { } me) query = query.Where(m => m.Meal == me);
        var menus = await query.ToListAsync(ct);
        return menus.OrderBy(m => m.KitchenId).ThenBy(m => m.Meal).Select(MenuResource.From).ToList();
    }
}
