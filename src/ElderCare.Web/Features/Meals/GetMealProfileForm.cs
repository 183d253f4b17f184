using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>What the meal record form shows: whose record, the record if there is one, the dining points to choose from.</summary>
public sealed record MealProfileForm(string ElderName, MealProfileResource? Profile, IReadOnlyList<DiningPointResource> Points);

public static class GetMealProfileForm
{
    public static async Task<Outcome<MealProfileForm>> Handle(Guid elderId, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var name = await db.MealEldersInScope(scope).AsNoTracking().Where(e => e.Id == elderId).Select(e => e.Name).FirstOrDefaultAsync(ct);
        if (name is null) return Outcome<MealProfileForm>.NotFound("未找到该老年人。");
        var profile = await db.MealProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.ElderId == elderId, ct);
        var points = await ListMealSites.DiningPoints(scope, db, ct);
        return new MealProfileForm(name, profile is null ? null : MealProfileResource.From(profile), points);
    }
}
