using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>The district's meal-subsidy rates with their history: by group, the latest first.</summary>
public static class ListMealSubsidyRates
{
    public static async Task<IReadOnlyList<MealSubsidyRateResource>> Handle(AppDbContext db, CancellationToken ct) =>
        (await db.MealSubsidyRates.AsNoTracking().ToListAsync(ct)).OrderBy(r => r.Group).ThenByDescending(r => r.EffectiveFrom)
            .Select(MealSubsidyRateResource.From).ToList();
}
