using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Regions;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Subsidies;

public static class LedgerQueries
{
    /// <summary>Lines the user may see: all for the district, a town officer's street or town, an operator's own facilities.</summary>
    public static IQueryable<LedgerLine> InScope(this IQueryable<LedgerLine> lines, DataScope scope) => scope.Kind switch
    {
        ScopeKind.District => lines,
        ScopeKind.Unit => lines.Where(l => l.TownCode == scope.RegionCode),
        ScopeKind.Facilities => lines.Where(l => l.FacilityId != null && scope.FacilityIds.Contains(l.FacilityId.Value)),
        _ => lines.Where(l => false),
    };

    public static async Task<IReadOnlyList<LedgerLineResource>> Resources(IEnumerable<LedgerLine> lines, AppDbContext db, CancellationToken ct)
    {
        var list = lines.ToList();
        var facilityIds = list.Where(l => l.FacilityId != null).Select(l => l.FacilityId!.Value).Distinct().ToList();
        var facilities = await db.Facilities.AsNoTracking().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        var names = await RegionQueries.NamesAsync(db, list.Select(l => l.TownCode), ct);
        return list.Select(l => LedgerLineResource.From(l, facilities, names)).ToList();
    }
}
