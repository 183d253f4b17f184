using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>Kitchens and dining points in scope.</summary>
public static class ListMealSites
{
    public static async Task<IReadOnlyList<KitchenResource>> Kitchens(DataScope scope, AppDbContext db, CancellationToken ct) =>
        (await db.Kitchens.AsNoTracking().InScope(scope).OrderBy(k => k.UnitCode).ThenBy(k => k.Name).ToListAsync(ct)).Select(KitchenResource.From).ToList();

    public static async Task<IReadOnlyList<DiningPointResource>> DiningPoints(DataScope scope, AppDbContext db, CancellationToken ct, Guid? kitchenId = null) =>
        (await db.DiningPoints.AsNoTracking().InScope(scope).Where(p => kitchenId == null || p.KitchenId == kitchenId)
            .OrderBy(p => p.UnitCode).ThenBy(p => p.Name).ToListAsync(ct)).Select(DiningPointResource.From).ToList();

    public static async Task<Outcome<KitchenResource>> Kitchen(Guid id, DataScope scope, AppDbContext db, CancellationToken ct) =>
        await db.Kitchens.AsNoTracking().InScope(scope).FirstOrDefaultAsync(k => k.Id == id, ct) is { } k
            ? KitchenResource.From(k) : Outcome<KitchenResource>.NotFound("未找到该中央厨房。");

    public static async Task<Outcome<DiningPointResource>> DiningPoint(Guid id, DataScope scope, AppDbContext db, CancellationToken ct) =>
        await db.DiningPoints.AsNoTracking().InScope(scope).FirstOrDefaultAsync(p => p.Id == id, ct) is { } p
            ? DiningPointResource.From(p) : Outcome<DiningPointResource>.NotFound("未找到该助餐点。");
}
