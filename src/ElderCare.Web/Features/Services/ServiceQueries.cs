using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;

namespace ElderCare.Web.Features.Services;

/// <summary>
/// Data scope of services (DESIGN.md): the district sees all; a town officer the orders of elders in their street or
/// town and the providers based there; an operator the providers of its facilities and their workers and orders; a
/// caregiver only the orders assigned to the worker linked to their user.
/// </summary>
public static class ServiceQueries
{
    public static IQueryable<ServiceProvider> InScope(this IQueryable<ServiceProvider> providers, DataScope scope) => scope.Kind switch
    {
        ScopeKind.District => providers,
        ScopeKind.Unit => providers.Where(p => p.UnitCode == scope.RegionCode),
        ScopeKind.Facilities => providers.Where(p => p.FacilityId != null && scope.FacilityIds.Contains(p.FacilityId.Value)),
        _ => providers.Where(p => false),
    };

    public static IQueryable<Worker> InScope(this IQueryable<Worker> workers, DataScope scope, AppDbContext db) => scope.Kind switch
    {
        ScopeKind.District => workers,
        ScopeKind.Own => workers.Where(w => w.UserId == scope.UserId),
        ScopeKind.Unit or ScopeKind.Facilities => workers.Where(w => db.ServiceProviders.InScope(scope).Select(p => p.Id).Contains(w.ProviderId)),
        _ => workers.Where(w => false),
    };

    public static IQueryable<ServiceOrder> InScope(this IQueryable<ServiceOrder> orders, DataScope scope, AppDbContext db) => scope.Kind switch
    {
        ScopeKind.District => orders,
        ScopeKind.Unit => orders.Where(o => o.UnitCode == scope.RegionCode),
        ScopeKind.Facilities => orders.Where(o => o.ProviderId != null
            && db.ServiceProviders.InScope(scope).Select(p => p.Id).Contains(o.ProviderId.Value)),
        ScopeKind.Own => orders.Where(o => o.WorkerId != null
            && db.Workers.Where(w => w.UserId == scope.UserId).Select(w => w.Id).Contains(o.WorkerId.Value)),
        _ => orders.Where(o => false),
    };

    /// <summary>Verified visits only count (EVV): for subsidies, reports and the "basic services" KPI.</summary>
    public static IQueryable<ServiceOrder> Verified(this IQueryable<ServiceOrder> orders) =>
        orders.Where(o => o.Status == OrderStatus.Completed && o.Verification == Verification.Verified);

    /// <summary>The catalogue as in effect on a day.</summary>
    public static IQueryable<ServiceItem> InEffect(this IQueryable<ServiceItem> items, DateOnly day) =>
        items.Where(i => i.EffectiveFrom <= day && (i.EffectiveTo == null || i.EffectiveTo >= day));
}
