using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>Kitchens and dining points in scope.</summary>
public static class ListMealSites
{
    public static async Task<IReadOnlyList<KitchenResource>> Kitchens(DataScope scope, AppDbContext db, CancellationToken ct) =>
        (await db.Kitchens.AsNoTracking().InScope(scope).OrderBy(k => k.UnitCode).ThenBy(k => k.Name).ToListAsync(ct))
            .Select(KitchenResource.From).ToList();

    public static async Task<IReadOnlyList<DiningPointResource>> DiningPoints(DataScope scope, AppDbContext db, CancellationToken ct,
        Guid? kitchenId = null) =>
        (await db.DiningPoints.AsNoTracking().InScope(scope).Where(p => kitchenId == null || p.KitchenId == kitchenId)
            .OrderBy(p => p.UnitCode).ThenBy(p => p.Name).ToListAsync(ct)).Select(DiningPointResource.From).ToList();
}
