using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>The names of the facilities that run the kitchens and house the dining points shown (a name, whatever its scope).</summary>
public static class GetMealSiteFacilityNames
{
    public static async Task<IReadOnlyDictionary<Guid, string>> Handle(IEnumerable<KitchenResource> kitchens, IEnumerable<DiningPointResource> points,
        AppDbContext db, CancellationToken ct)
    {
        var ids = kitchens.Select(k => k.FacilityId).OfType<Guid>().Concat(points.Select(p => p.FacilityId)).Distinct().ToList();
        return await db.Facilities.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
    }
}
