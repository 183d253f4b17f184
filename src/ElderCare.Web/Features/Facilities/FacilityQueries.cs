using ElderCare.Web.Features.Access;

namespace ElderCare.Web.Features.Facilities;

public static class FacilityQueries
{
    /// <summary>Facilities the user may see: all in the district, a town officer's street or town, an operator's own.</summary>
    public static IQueryable<Facility> InScope(this IQueryable<Facility> facilities, DataScope scope) => scope.Kind switch
    {
        ScopeKind.District => facilities,
        ScopeKind.Unit => facilities.Where(f => f.UnitCode == scope.RegionCode),
        ScopeKind.Facilities => facilities.Where(f => scope.FacilityIds.Contains(f.Id)),
        _ => facilities.Where(f => false),
    };

    /// <summary>Facilities in a region and its descendants (codes extend their parent's, so a prefix selects the subtree).</summary>
    public static IQueryable<Facility> InRegion(this IQueryable<Facility> facilities, string? regionCode)
    {
        if (string.IsNullOrWhiteSpace(regionCode)) return facilities;
        var code = regionCode.Trim();
        return code.Length switch
        {
            9 => facilities.Where(f => f.UnitCode == code),
            12 => facilities.Where(f => f.RegionCode == code),
            _ => facilities.Where(f => f.RegionCode.StartsWith(code)),
        };
    }

    /// <summary>
    /// Operating on a date: opened on or before it, and the latest status change on or before it is "operating"
    /// (history kept, so a facility closed later still counts for an earlier date).
    /// </summary>
    public static IQueryable<Facility> OperatingOn(this IQueryable<Facility> facilities, DateOnly asOf) =>
        facilities.Where(f => f.OpenedOn != null && f.OpenedOn <= asOf &&
            f.StatusHistory.Where(c => c.On <= asOf)
                .OrderByDescending(c => c.On).ThenByDescending(c => c.RecordedAt)
                .Select(c => (FacilityStatus?)c.Status).FirstOrDefault() == FacilityStatus.Operating);
}
