using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Regions;

public static class ListRegions
{
    /// <summary>All regions, or those under a parent code (the whole subtree), ordered by code.</summary>
    public static async Task<List<RegionResource>> Handle(string? under, AppDbContext db, CancellationToken ct)
    {
        var regions = db.Regions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(under)) regions = regions.Where(r => r.Code.StartsWith(under.Trim()));
        return await regions.OrderBy(r => r.Code)
            .Select(r => new RegionResource(r.Code, r.Name, r.Kind, r.ParentCode, r.VillageCount, r.CommunityCount, r.Population, r.ElderlyPopulation))
            .ToListAsync(ct);
    }
}
