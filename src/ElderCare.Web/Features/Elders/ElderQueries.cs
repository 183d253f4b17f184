using System.Linq.Expressions;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;

namespace ElderCare.Web.Features.Elders;

public static class ElderQueries
{
    /// <summary>
    /// Elders the user may see: the district; a town officer's street or town; an operator the elders its facilities
    /// serve (ADR 0013, <see cref="ServedBy"/>). The one rule every elder query applies, so it needs the DbContext.
    /// </summary>
    public static IQueryable<Elder> InScope(this IQueryable<Elder> elders, DataScope scope, AppDbContext db) => scope.Kind switch
    {
        ScopeKind.District => elders,
        ScopeKind.Unit => elders.Where(e => e.UnitCode == scope.RegionCode),
        ScopeKind.Facilities => elders.ServedBy(scope.FacilityIds, db),
        _ => elders.Where(e => false),
    };

    /// <summary>
    /// "The elders an operator serves" (DESIGN.md, ADR 0013): elders living in the area of one of its facilities — the
    /// community or village of a station or point, the whole street or town of a centre — and, wherever they live, elders
    /// with a service order of one of its providers, a family care bed with one of its facilities, or a meal record
    /// naming one of its dining points. Closed facilities serve no area; past orders, beds and records still count.
    /// </summary>
    public static IQueryable<Elder> ServedBy(this IQueryable<Elder> elders, IReadOnlySet<Guid> facilityIds, AppDbContext db)
    {
        var facilities = db.Facilities.Where(f => facilityIds.Contains(f.Id) && f.Status != FacilityStatus.Closed);
        var providers = db.ServiceProviders.Where(p => p.FacilityId != null && facilityIds.Contains(p.FacilityId.Value)).Select(p => (Guid?)p.Id);
        var points = db.DiningPoints.Where(d => facilityIds.Contains(d.FacilityId)).Select(d => d.Id);
        return elders.Where(e =>
            facilities.Any(f => (f.Type == FacilityType.StreetCenter || f.Type == FacilityType.TownCenter)
                ? f.UnitCode == e.UnitCode
                : f.RegionCode == e.RegionCode)
            || db.ServiceOrders.Any(o => o.ElderId == e.Id && providers.Contains(o.ProviderId))
            || db.FamilyCareBeds.Any(b => b.ElderId == e.Id && facilityIds.Contains(b.FacilityId))
            || db.MealProfiles.Any(m => m.ElderId == e.Id && points.Contains(m.DiningPointId)));
    }

    /// <summary>
    /// Elders in a district (6 digits: its streets' and towns' unit codes, for a city-wide database), a street or town
    /// (9), a community or village (12), or anywhere (""). Equality or a range on UnitCode or RegionCode rather than a
    /// LIKE prefix, so that both databases use their indexes (bench/NOTES.md, elder registry; ADR 32).
    /// </summary>
    public static IQueryable<Elder> InRegion(this IQueryable<Elder> elders, string? prefix)
    {
        var code = prefix?.Trim() ?? "";
        var (first, last) = (code + "000", code + "999");
        return code.Length switch
        {
            6 => elders.Where(e => string.Compare(e.UnitCode, first) >= 0 && string.Compare(e.UnitCode, last) <= 0),
            < 9 => elders,
            9 => elders.Where(e => e.UnitCode == code),
            12 => elders.Where(e => e.RegionCode == code),
            _ => elders.Where(e => e.RegionCode.StartsWith(code)),
        };
    }

    /// <summary>The priority rules in force (<see cref="PriorityRule"/>) as a filter: in at least one group, or in the one given.</summary>
    public static IQueryable<Elder> InPriorityGroup(
        this IQueryable<Elder> elders, DateOnly today, IReadOnlyList<PriorityRule> inForce, PriorityGroup? only = null) =>
        elders.Where(PriorityGroups.AnyOf(inForce.Where(r => only is null || r.Group == only), today));

    /// <summary>A current assessment: within the 12-month cycle and no condition change since (Reassessment).</summary>
    public static IQueryable<Elder> WithCurrentAssessment(this IQueryable<Elder> elders, DateOnly today) =>
        elders.Where(CurrentlyAssessed(today));

    /// <inheritdoc cref="WithCurrentAssessment"/>
    public static Expression<Func<Elder, bool>> CurrentlyAssessed(DateOnly today)
    {
        var dueBefore = today.AddMonths(-Assessments.Reassessment.CycleMonths);
        return e => e.LastAssessedOn != null && e.LastAssessedOn > dueBefore
                    && (e.ConditionChangedOn == null || e.ConditionChangedOn <= e.LastAssessedOn);
    }

    /// <summary>
    /// "A service contact in the last quarter": a verified visit (EVV) whose window started within the last 3 months — read from
    /// the elder's last verified visit, which <see cref="Services.ServiceContacts"/> keeps in step with the orders.
    /// </summary>
    public const int ServiceContactMonths = 3;

    public static IQueryable<Elder> WithServiceContact(this IQueryable<Elder> elders, DateOnly today) =>
        elders.Where(HadServiceContact(today));

    /// <inheritdoc cref="WithServiceContact"/>
    public static Expression<Func<Elder, bool>> HadServiceContact(DateOnly today)
    {
        var since = Services.ServiceTime.Utc(today.AddMonths(-ServiceContactMonths).ToDateTime(TimeOnly.MinValue));
        return e => e.LastVerifiedVisitAt >= since;
    }

    /// <summary>
    /// Where an elder stands on the priority KPIs, read in one pass: a current assessment, and that AND a service contact
    /// (基本养老服务: both), and the home's position for the 15-minute circle.
    /// </summary>
    public sealed record Standing(bool Assessed, bool Served, double? Latitude, double? Longitude);

    /// <inheritdoc cref="Standing"/>
    public static IQueryable<Standing> SelectStanding(this IQueryable<Elder> elders, DateOnly today)
    {
        var assessed = CurrentlyAssessed(today);
        var served = ElderPredicates.And(assessed, HadServiceContact(today)); // over assessed's parameter
        var e = assessed.Parameters[0];
        var standing = Expression.New(typeof(Standing).GetConstructors()[0], assessed.Body, served.Body,
            Expression.Property(e, nameof(Elder.Latitude)), Expression.Property(e, nameof(Elder.Longitude)));
        return elders.Select(Expression.Lambda<Func<Elder, Standing>>(standing, e));
    }
}
