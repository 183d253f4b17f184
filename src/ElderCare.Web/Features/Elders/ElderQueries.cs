using ElderCare.Web.Features.Access;

namespace ElderCare.Web.Features.Elders;

public static class ElderQueries
{
    /// <summary>
    /// Elders the user may see: the district, a town officer's street or town. Operators will see the elders they
    /// serve once services record who serves whom; until then, none.
    /// </summary>
    public static IQueryable<Elder> InScope(this IQueryable<Elder> elders, DataScope scope) => scope.Kind switch
    {
        ScopeKind.District => elders,
        ScopeKind.Unit => elders.Where(e => e.UnitCode == scope.RegionCode),
        _ => elders.Where(e => false),
    };

    /// <summary>
    /// Elders in a street or town (9 digits), a community or village (12), or anywhere (""). Equality on UnitCode or
    /// RegionCode rather than a LIKE prefix, so that both databases use their indexes (bench/RESULTS.md, elder registry).
    /// </summary>
    public static IQueryable<Elder> InRegion(this IQueryable<Elder> elders, string? prefix)
    {
        var code = prefix?.Trim() ?? "";
        return code.Length switch
        {
            < 9 => elders,
            9 => elders.Where(e => e.UnitCode == code),
            12 => elders.Where(e => e.RegionCode == code),
            _ => elders.Where(e => e.RegionCode.StartsWith(code)),
        };
    }

    /// <summary>The <see cref="PriorityGroups"/> rules as a filter: in at least one group, or in the one given.</summary>
    public static IQueryable<Elder> InPriorityGroup(this IQueryable<Elder> elders, DateOnly today, PriorityGroup? only = null)
    {
        var eighty = today.AddYears(-PriorityGroups.AdvancedAge);
        return only switch
        {
            PriorityGroup.AdvancedAgeAlone => elders.Where(e => e.BirthDate <= eighty && e.LivingArrangement == LivingArrangement.Alone),
            PriorityGroup.Incapacitated => elders.Where(e => e.CurrentLevel >= PriorityGroups.IncapacitatedMinLevel),
            PriorityGroup.ExtremePoverty => elders.Where(e => e.Categories.Contains(ElderCategory.ExtremePoverty)),
            PriorityGroup.LeftBehind => elders.Where(e => e.LivingArrangement == LivingArrangement.LeftBehind),
            PriorityGroup.LostOnlyChild => elders.Where(e => e.Categories.Contains(ElderCategory.LostOnlyChild)),
            _ => elders.Where(e => (e.BirthDate <= eighty && e.LivingArrangement == LivingArrangement.Alone)
                                   || e.CurrentLevel >= PriorityGroups.IncapacitatedMinLevel
                                   || e.Categories.Contains(ElderCategory.ExtremePoverty)
                                   || e.LivingArrangement == LivingArrangement.LeftBehind
                                   || e.Categories.Contains(ElderCategory.LostOnlyChild)),
        };
    }

    /// <summary>A current assessment: within the 12-month cycle and no condition change since (Reassessment).</summary>
    public static IQueryable<Elder> WithCurrentAssessment(this IQueryable<Elder> elders, DateOnly today)
    {
        var dueBefore = today.AddMonths(-Assessments.Reassessment.CycleMonths);
        return elders.Where(e => e.LastAssessedOn != null && e.LastAssessedOn > dueBefore
                                 && (e.ConditionChangedOn == null || e.ConditionChangedOn <= e.LastAssessedOn));
    }

    /// <summary>"A service contact in the last quarter": a verified visit (EVV) whose window started within the last 3 months.</summary>
    public const int ServiceContactMonths = 3;

    public static IQueryable<Elder> WithServiceContact(this IQueryable<Elder> elders, IQueryable<Services.ServiceOrder> orders, DateOnly today)
    {
        var since = Services.ServiceTime.Utc(today.AddMonths(-ServiceContactMonths).ToDateTime(TimeOnly.MinValue));
        var verified = Services.ServiceQueries.Verified(orders);
        return elders.Where(e => verified.Any(o => o.ElderId == e.Id && o.WindowStart >= since));
    }
}
