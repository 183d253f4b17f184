using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Regions;

public static class RegionQueries
{
    /// <summary>
    /// Regions the user may read and attach records to (ADR 0019): the whole district; a town officer's street or town
    /// with its communities and villages; an operator the streets or towns its facilities stand in, with theirs.
    /// </summary>
    public static IQueryable<Region> InScope(this IQueryable<Region> regions, DataScope scope, AppDbContext db) => scope.Kind switch
    {
        ScopeKind.District => regions,
        ScopeKind.Unit => regions.Where(r => r.Code.StartsWith(scope.RegionCode!)),
        ScopeKind.Facilities => regions.Where(r => db.Facilities.Any(f => scope.FacilityIds.Contains(f.Id) && r.Code.StartsWith(f.UnitCode))),
        _ => regions.Where(r => false),
    };

    /// <summary>The streets and towns (镇街, 9-digit codes): the units that plans, coverage and reports count by.</summary>
    public static IQueryable<Region> Units(this IQueryable<Region> regions) =>
        regions.Where(r => r.Kind == RegionKind.Street || r.Kind == RegionKind.Town);

    /// <summary>The names of the regions with these codes, by code (a code with no region is absent: callers show the code).</summary>
    public static Task<Dictionary<string, string>> NamesAsync(AppDbContext db, IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct().ToList();
        return db.Regions.AsNoTracking().Where(r => wanted.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }
}
