using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

public sealed record MealSiteChoice(Guid Id, string Name);

/// <summary>What a kitchen or dining point form offers: facilities, kitchens and regions in scope.</summary>
public sealed record MealSiteChoices(IReadOnlyList<MealSiteChoice> Facilities, IReadOnlyList<MealSiteChoice> Kitchens,
    IReadOnlyList<RegionChoice> Regions);

public static class GetMealSiteChoices
{
    /// <summary>
    /// Only kitchens the user may read (ADR 0019), as the API allows; <paramref name="keptKitchenId"/>, the kitchen an
    /// edited dining point already has, is offered even when outside scope.
    /// </summary>
    public static async Task<MealSiteChoices> Handle(DataScope scope, Guid? keptKitchenId, AppDbContext db, CancellationToken ct)
    {
        var facilities = await db.Facilities.AsNoTracking().InScope(scope).OrderBy(f => f.Name)
            .Select(f => new MealSiteChoice(f.Id, f.Name)).ToListAsync(ct);
        var kitchens = await db.Kitchens.AsNoTracking()
            .Where(k => db.Kitchens.InScope(scope).Any(i => i.Id == k.Id) || k.Id == keptKitchenId)
            .OrderBy(k => k.UnitCode).ThenBy(k => k.Name)
            .Select(k => new MealSiteChoice(k.Id, k.Name)).ToListAsync(ct);
        var regions = await ListRegions.Handle(null, scope, db, ct);
        return new(facilities, kitchens, RegionChoice.Of(regions));
    }
}
