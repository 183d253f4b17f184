using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Regions;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Map;

/// <summary>A stored boundary as the upload page lists it.</summary>
public sealed record BoundaryRow(string RegionCode, string Name, RegionKind Kind, int Points, DateTime UpdatedAt, string UpdatedBy);

/// <summary>The boundaries stored for the regions in the user's scope, by region code.</summary>
public static class ListBoundaries
{
    public static async Task<IReadOnlyList<BoundaryRow>> Handle(DataScope scope, AppDbContext db, CancellationToken ct) =>
        (await db.Regions.AsNoTracking().InScope(scope, db)
            .Join(db.UnitBoundaries.AsNoTracking(), r => r.Code, b => b.RegionCode,
                (r, b) => new { r.Code, r.Name, r.Kind, b.Points, b.UpdatedAt, b.UpdatedBy })
            .OrderBy(x => x.Code).ToListAsync(ct))
        .Select(x => new BoundaryRow(x.Code, x.Name, x.Kind, x.Points, x.UpdatedAt, x.UpdatedBy)).ToList();
}
