using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Regions;

public static class GetRegion
{
    /// <summary>One region by its code; outside the user's scope it reads as unknown (DESIGN.md: out of scope is 404).</summary>
    public static async Task<Outcome<RegionResource>> Handle(string code, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var region = scope.Covers(code)
            ? await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => RegionResource.From(r)).FirstOrDefaultAsync(ct)
            : null;
        return region is null ? Outcome<RegionResource>.NotFound($"区域 {code} 不存在。") : region;
    }
}
