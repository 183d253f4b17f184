using ElderCare.Web.Features.Access;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Plan;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Dashboard;

/// <summary>One year of the build-progress chart: facilities the plan foresees by the year's end, and those running then.</summary>
public sealed record BuildProgressYear(
    int Year,
    DateOnly OperatingOn,
    IReadOnlyDictionary<FacilityType, int> Planned,
    IReadOnlyDictionary<FacilityType, int>? Operating)
{
    public int PlannedTotal => Planned.Values.Sum();

    /// <summary>Null for a year that starts after the date asked: what runs then is not known yet.</summary>
    public int? OperatingTotal => Operating?.Values.Sum();
}

public sealed record BuildProgress(DateOnly AsOf, IReadOnlyList<BuildProgressYear> Years);

/// <summary>建设进度：已建成 vs 规划 — cumulative planned facilities against those operating, year by year.</summary>
public static class GetBuildProgress
{
    public static readonly int[] PolicyYears = [2019, 2020, 2021, 2022];

    public static readonly FacilityType[] Types =
        [FacilityType.StreetCenter, FacilityType.CommunityStation, FacilityType.TownCenter, FacilityType.VillagePoint];

    /// <summary>一、工作目标: 2020年底前街道和社区全覆盖，2022年底前镇和村全覆盖 — when a facility without a year is due.</summary>
    public static int DeadlineYear(FacilityType type) =>
        type is FacilityType.StreetCenter or FacilityType.CommunityStation ? 2020 : 2022;

    /// <summary>Every year from the policy's first to the later of its last and the year asked about: a chart with a gap
    /// between 2022 and today would read as if nothing happened in between.</summary>
    public static IReadOnlyList<int> YearsFor(DateOnly asOf)
    {
        var first = PolicyYears[0];
        var last = Math.Max(PolicyYears[^1], asOf.Year);
        return first > asOf.Year ? [.. PolicyYears] : Enumerable.Range(first, last - first + 1).ToList();
    }

    /// <summary>
    /// Existing plus everything planned up to the year; a planned facility without a year, and one that is existing
    /// or planned (现有或规划，待确认), counts at its type's deadline.
    /// </summary>
    public static int PlannedBy(PlanLine line, int year) =>
        (line.Existing ?? 0) + line.Years.Where(y => (y.Year ?? DeadlineYear(line.Type)) <= year).Sum(y => y.Count)
        + (DeadlineYear(line.Type) <= year ? line.ExistingOrPlanned ?? 0 : 0);

    /// <summary>附件2、附件3 合计行: existing plus the district's planned count of every year up to this one.</summary>
    public static int PlannedBy(IEnumerable<PlanTotal> totals, int year) =>
        totals.Where(t => t.Year is null || t.Year <= year).Sum(t => t.Count);

    /// <summary>
    /// For the whole district, a type whose unit rows leave years or the existing/planned split unknown is read from the
    /// district totals (合计行), which do know them; otherwise, and for one street or town, from the unit rows.
    /// </summary>
    public static IReadOnlyDictionary<FacilityType, int> PlannedBy(
        IReadOnlyCollection<PlanLine> lines, IReadOnlyCollection<PlanTotal> totals, int year)
    {
        var byType = new Dictionary<FacilityType, int>(PlannedBy(lines, year));
        foreach (var type in Types)
        {
            var ofType = totals.Where(t => t.Type == type).ToList();
            var unknown = lines.Any(l => l.Type == type && (l.ExistingOrPlanned > 0 || l.Years.Any(y => y.Year is null)));
            if (ofType.Count > 0 && unknown) byType[type] = PlannedBy(ofType, year);
        }
        return byType;
    }

    public static IReadOnlyDictionary<FacilityType, int> PlannedBy(IEnumerable<PlanLine> lines, int year)
    {
        var byType = Types.ToDictionary(t => t, _ => 0);
        foreach (var line in lines) byType[line.Type] += PlannedBy(line, year);
        return byType;
    }

    /// <summary>Operating is read at each year's end, or on the date asked for its own year; later years have none.</summary>
    public static DateOnly? OperatingDate(int year, DateOnly asOf) =>
        year < asOf.Year ? new DateOnly(year, 12, 31) : year == asOf.Year ? asOf : null;

    public static async Task<Outcome<BuildProgress>> Handle(string? asOf, DataScope scope, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = clock.DateOrToday(asOf, "asOf", errors);
        if (errors.Any) return Outcome<BuildProgress>.Invalid(errors);
        if (scope.RegionPrefix is not { } prefix) return Outcome<BuildProgress>.NotFound("无权查看建设进度。");

        var lines = await db.PlanLines.AsNoTracking().Where(l => l.UnitCode.StartsWith(prefix)).ToListAsync(ct);
        // District totals speak for the whole district only, not for one street or town.
        var totals = prefix.Length < 9 ? await db.PlanTotals.AsNoTracking().ToListAsync(ct) : [];
        var years = new List<BuildProgressYear>();
        foreach (var year in YearsFor(date))
        {
            var on = OperatingDate(year, date);
            Dictionary<FacilityType, int>? operating = null;
            if (on is { } d)
            {
                var counts = await db.Facilities.AsNoTracking().InRegion(prefix).OperatingOn(d)
                    .GroupBy(f => f.Type).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
                operating = Types.ToDictionary(t => t, t => counts.FirstOrDefault(c => c.Key == t)?.Count ?? 0);
            }
            years.Add(new BuildProgressYear(year, on ?? new DateOnly(year, 12, 31), PlannedBy(lines, totals, year), operating));
        }
        return new BuildProgress(date, years);
    }
}
