using ElderCare.Web.Features.Access;

namespace ElderCare.Web.Features.Elders;

public static class ElderQueries
{
    /// <summary>
    /// Elders the user may see: the district, a town officer's street or town. Operators will see the elders they
    /// serve once services record who serves whom; until then, none.
    /// </summary>
    public static IQueryable<Elder> InScope(this IQueryable<Elder> elders, DataScope scope) => scope.Kind switch
    {
        ScopeKind.District => elders,
        ScopeKind.Unit => elders.Where(e => e.UnitCode == scope.RegionCode),
        _ => elders.Where(e => false),
    };
}
