using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;

namespace ElderCare.Web.Features.Meals;

/// <summary>
/// Meal data in scope: the district sees all; a town officer the kitchens, dining points and orders of their street or
/// town; an operator the kitchens and dining points its facilities run and the orders they cook or serve.
/// </summary>
public static class MealQueries
{
    public static IQueryable<Kitchen> InScope(this IQueryable<Kitchen> kitchens, DataScope scope) => scope.Kind switch
    {
        ScopeKind.District => kitchens,
        ScopeKind.Unit => kitchens.Where(k => k.UnitCode == scope.RegionCode),
        ScopeKind.Facilities => kitchens.Where(k => k.FacilityId != null && scope.FacilityIds.Contains(k.FacilityId.Value)),
        _ => kitchens.Where(k => false),
    };

    public static IQueryable<DiningPoint> InScope(this IQueryable<DiningPoint> points, DataScope scope) => scope.Kind switch
    {
        ScopeKind.District => points,
        ScopeKind.Unit => points.Where(p => p.UnitCode == scope.RegionCode),
        ScopeKind.Facilities => points.Where(p => scope.FacilityIds.Contains(p.FacilityId)),
        _ => points.Where(p => false),
    };

    public static IQueryable<MealOrder> InScope(this IQueryable<MealOrder> orders, DataScope scope) => scope.Kind switch
    {
        ScopeKind.District => orders,
        ScopeKind.Unit => orders.Where(o => o.UnitCode == scope.RegionCode),
        ScopeKind.Facilities => orders.Where(o => scope.FacilityIds.Contains(o.FacilityId)
                                                  || (o.KitchenFacilityId != null && scope.FacilityIds.Contains(o.KitchenFacilityId.Value))),
        _ => orders.Where(o => false),
    };

    /// <summary>
    /// Elders whose meals the user arranges: the registry scope (for an operator the elders it serves, ADR 0013, which
    /// include those whose meal record names one of its dining points).
    /// </summary>
    public static IQueryable<Elder> MealEldersInScope(this AppDbContext db, DataScope scope) => db.Elders.InScope(scope, db);
}
