using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Regions;

public static class ListRegions
{
    /// <summary>All regions, or those under a parent code (the whole subtree), ordered by code; a town officer sees
    /// their own street or town with its communities and villages, an operator those of its facilities (RegionQueries).</summary>
    public static async Task<List<RegionResource>> Handle(string? under, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var regions = db.Regions.AsNoTracking().InScope(scope, db);
        if (!string.IsNullOrWhiteSpace(under)) regions = regions.Where(r => r.Code.StartsWith(under.Trim()));
        return await regions.OrderBy(r => r.Code)
            .Select(r => new RegionResource(
                r.Code, r.Name, r.Kind, r.ParentCode, r.VillageCount, r.CommunityCount, r.Population, r.ElderlyPopulation))
            .ToListAsync(ct);
    }
}
