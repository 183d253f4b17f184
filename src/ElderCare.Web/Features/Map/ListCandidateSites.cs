using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Map;

/// <summary>A listed candidate building, as the list page and site suggestions read it.</summary>
public sealed record CandidateSiteRow(Guid Id, string Name, string Address, double Lat, double Lng, string RegionCode, string? Note);

/// <summary>The candidate buildings listed in the user's scope (by region code), by region and name.</summary>
public static class ListCandidateSites
{
    public static async Task<IReadOnlyList<CandidateSiteRow>> Handle(DataScope scope, AppDbContext db, CancellationToken ct)
    {
        if (scope.RegionPrefix is not { } prefix) return [];
        return await db.CandidateSites.AsNoTracking().Where(c => c.RegionCode.StartsWith(prefix))
            .OrderBy(c => c.RegionCode).ThenBy(c => c.Name)
            .Select(c => new CandidateSiteRow(c.Id, c.Name, c.Address, c.Latitude, c.Longitude, c.RegionCode, c.Note)).ToListAsync(ct);
    }
}
