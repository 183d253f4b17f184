using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.FamilyBeds;

public sealed record CentreBeds(Guid FacilityId, string FacilityName, int Beds, int Planned, int Verified);

/// <summary>Beds in force per centre and this month's planned and verified visits (the dashboard's figures).</summary>
public static class GetFamilyBedStatistics
{
    public static async Task<IReadOnlyList<CentreBeds>> Handle(DataScope scope, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var m = ServiceTime.Month(clock.UtcNow());
        var rows = await db.FamilyCareBeds.AsNoTracking().InScope(scope).Where(b => b.EndedOn == null).GroupBy(b => b.FacilityId)
            .Select(g => new { FacilityId = g.Key, Beds = g.Count(), Planned = g.Sum(b => b.VisitsPerMonth) }).ToListAsync(ct);
        var ids = rows.Select(r => r.FacilityId).ToList();
        var verified = await db.ServiceOrders.AsNoTracking().Verified().Where(o => o.ServiceMonth == m && o.FamilyBedId != null)
            .Join(db.FamilyCareBeds.Where(b => ids.Contains(b.FacilityId)), o => o.FamilyBedId, b => b.Id, (o, b) => b.FacilityId)
            .GroupBy(f => f).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var names = await db.Facilities.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        return rows.Select(r => new CentreBeds(r.FacilityId, names.GetValueOrDefault(r.FacilityId, ""), r.Beds, r.Planned,
                verified.GetValueOrDefault(r.FacilityId)))
            .OrderBy(r => r.FacilityName, StringComparer.Ordinal).ToList();
    }
}
