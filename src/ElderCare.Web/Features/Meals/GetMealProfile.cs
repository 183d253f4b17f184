using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>An elder's meal record (助餐档案); an elder outside scope reads as not found, like one without a record.</summary>
public static class GetMealProfile
{
    public static async Task<Outcome<MealProfileResource>> Handle(Guid elderId, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        if (!await db.MealEldersInScope(scope).AnyAsync(e => e.Id == elderId, ct)) return Outcome<MealProfileResource>.NotFound("未找到该老年人。");
        var profile = await db.MealProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.ElderId == elderId, ct);
        return profile is null ? Outcome<MealProfileResource>.NotFound("该老年人还没有助餐档案。") : MealProfileResource.From(profile);
    }
}
