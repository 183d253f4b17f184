using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Services;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.FamilyBeds;

public static class FamilyBedQueries
{
    /// <summary>Beds the user may see: the district; a town officer's street or town; an operator's centres.</summary>
    public static IQueryable<FamilyCareBed> InScope(this IQueryable<FamilyCareBed> beds, DataScope scope) => scope.Kind switch
    {
        ScopeKind.District => beds,
        ScopeKind.Unit => beds.Where(b => b.UnitCode == scope.RegionCode),
        ScopeKind.Facilities => beds.Where(b => scope.FacilityIds.Contains(b.FacilityId)),
        _ => beds.Where(b => false),
    };

    /// <summary>The operating centres and stations in scope a bed may be signed with, by name.</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> CentreChoices(DataScope scope, AppDbContext db, CancellationToken ct) =>
        (await db.Facilities.AsNoTracking().InScope(scope).Where(f => f.Status == FacilityStatus.Operating).OrderBy(f => f.Name)
            .Select(f => new { f.Id, f.Name }).ToListAsync(ct)).Select(f => (f.Id, f.Name)).ToList();

    /// <summary>The beds (already filtered, ordered and paged) with the month's plan figures (yyyyMM).</summary>
    internal static async Task<IReadOnlyList<FamilyBedResource>> Resources(IQueryable<FamilyCareBed> beds, int month, AppDbContext db,
        CancellationToken ct)
    {
        var m = month;
        var rows = await beds
            .Select(b => new
            {
                Bed = b,
                Elder = db.Elders.Where(e => e.Id == b.ElderId).Select(e => e.Name).First(),
                Facility = db.Facilities.Where(f => f.Id == b.FacilityId).Select(f => f.Name).First(),
                Item = db.ServiceItems.Where(i => i.Id == b.ServiceItemId).Select(i => i.Name).First(),
                Scheduled = db.ServiceOrders.Count(o => o.FamilyBedId == b.Id && o.ServiceMonth == m && o.Status != OrderStatus.Cancelled),
                Verified = db.ServiceOrders.Count(o => o.FamilyBedId == b.Id && o.ServiceMonth == m
                    && o.Status == OrderStatus.Completed && o.Verification == Verification.Verified),
                Missed = db.ServiceOrders.Count(o => o.FamilyBedId == b.Id && o.ServiceMonth == m && o.Status == OrderStatus.Missed),
            }).ToListAsync(ct);
        return rows.Select(r => new FamilyBedResource(r.Bed.Id, r.Bed.ElderId, r.Elder, r.Bed.FacilityId, r.Facility, r.Bed.SignedOn,
            r.Bed.EndedOn, r.Bed.Adaptations, r.Bed.Devices, r.Bed.ServiceItemId, r.Item, r.Bed.VisitsPerMonth, r.Bed.VisitHour,
            new PlanKept(ServiceTime.MonthText(m), r.Bed.VisitsPerMonth, r.Scheduled, r.Verified, r.Missed,
                r.Verified >= r.Bed.VisitsPerMonth))).ToList();
    }
}
