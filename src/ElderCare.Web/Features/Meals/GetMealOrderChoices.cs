using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

public sealed record MealElderChoice(Guid Id, string Name, MealMode Mode, IReadOnlyList<DietNeed> Diets);

/// <summary>What the order form offers: the elders who eat that day (at one dining point or all) and the point's menu.</summary>
public sealed record MealOrderChoices(IReadOnlyList<MealElderChoice> Elders, MenuResource? Menu);

public static class GetMealOrderChoices
{
    /// <summary>
    /// Active elders in scope with a meal record (at the dining point, when one is given) not paused on the day; the
    /// menu is that of the point's kitchen (<paramref name="kitchenId"/>), which may be run by someone outside the user's scope.
    /// </summary>
    public static async Task<MealOrderChoices> Handle(DateOnly date, Meal meal, Guid? diningPointId, Guid? kitchenId, DataScope scope,
        AppDbContext db, CancellationToken ct)
    {
        var elders = db.MealEldersInScope(scope).Where(e => e.Status == ElderStatus.Active);
        var profiles = db.MealProfiles.AsNoTracking().Where(p => diningPointId == null || p.DiningPointId == diningPointId);
        var rows = await profiles.Join(elders, p => p.ElderId, e => e.Id, (p, e) => new { e.Id, e.Name, Profile = p }).ToListAsync(ct);
        var choices = rows.Where(x => !x.Profile.IsSuspendedOn(date)).OrderBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => new MealElderChoice(x.Id, x.Name, x.Profile.Mode, x.Profile.Diets)).ToList();
        var menu = kitchenId is null ? null : await db.Menus.AsNoTracking().Include(m => m.Sets)
            .FirstOrDefaultAsync(m => m.KitchenId == kitchenId && m.Date == date && m.Meal == meal, ct);
        return new(choices, menu is null ? null : MenuResource.From(menu));
    }
}
