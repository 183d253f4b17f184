using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Elders;

public sealed record ElderCounts(
    int Total, IReadOnlyDictionary<string, int> AgeBands, IReadOnlyDictionary<string, int> Levels,
    IReadOnlyDictionary<string, int> Categories, int Priority, int PriorityAssessed);

public sealed record ElderStatisticsRow(string RegionCode, string? Name, ElderCounts Counts);

public sealed record ElderStatisticsReport(DateOnly AsOf, string GroupedBy, IReadOnlyList<ElderStatisticsRow> Rows, ElderCounts Totals);

/// <summary>
/// Elders by street or town (or, for a town officer, by community and village): age band (60–69, 70–79, 80+),
/// capability level, category, and the priority elders with a current assessment. Feeds the dashboard and the KPI
/// "every elder enjoys basic services".
/// </summary>
public static class GetElderStatistics
{
    private sealed record Raw(string Key, int Total, int A60, int A70, int A80, int L0, int L1, int L2, int L3, int L4, int Unassessed);

    public static async Task<Outcome<ElderStatisticsReport>> Handle(DataScope scope, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (scope.RegionPrefix is null) return Outcome<ElderStatisticsReport>.NotFound("无权查看统计。");
        var today = clock.Today();
        var byRegion = scope.Kind == ScopeKind.Unit;
        var elders = db.Elders.AsNoTracking().InScope(scope, db).Where(e => e.Status == ElderStatus.Active);
        var seventy = today.AddYears(-70);
        var eighty = today.AddYears(-80);

        var raw = await (byRegion ? elders.GroupBy(e => e.RegionCode) : elders.GroupBy(e => e.UnitCode))
            .Select(g => new Raw(g.Key, g.Count(),
                g.Count(e => e.BirthDate > seventy),
                g.Count(e => e.BirthDate <= seventy && e.BirthDate > eighty),
                g.Count(e => e.BirthDate <= eighty),
                g.Count(e => e.CurrentLevel == 0), g.Count(e => e.CurrentLevel == 1), g.Count(e => e.CurrentLevel == 2),
                g.Count(e => e.CurrentLevel == 3), g.Count(e => e.CurrentLevel == 4), g.Count(e => e.CurrentLevel == null)))
            .ToListAsync(ct);

        var categories = new Dictionary<ElderCategory, Dictionary<string, int>>();
        foreach (var c in Enum.GetValues<ElderCategory>())
        {
            var withCategory = elders.Where(e => e.Categories.Contains(c));
            categories[c] = await Count(byRegion ? withCategory.GroupBy(e => e.RegionCode) : withCategory.GroupBy(e => e.UnitCode), ct);
        }
        var priority = elders.InPriorityGroup(today, await PriorityRules.InForce(db, today, ct));
        var priorityCounts = await Count(byRegion ? priority.GroupBy(e => e.RegionCode) : priority.GroupBy(e => e.UnitCode), ct);
        var assessed = priority.WithCurrentAssessment(today);
        var assessedCounts = await Count(byRegion ? assessed.GroupBy(e => e.RegionCode) : assessed.GroupBy(e => e.UnitCode), ct);
        var names = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(scope.RegionPrefix)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);

        ElderCounts CountsOf(IReadOnlyCollection<Raw> rows, Func<Dictionary<string, int>, int> pick) => new(
            rows.Sum(r => r.Total),
            new Dictionary<string, int> { ["60-69"] = rows.Sum(r => r.A60), ["70-79"] = rows.Sum(r => r.A70), ["80+"] = rows.Sum(r => r.A80) },
            new Dictionary<string, int>
            {
                ["0"] = rows.Sum(r => r.L0), ["1"] = rows.Sum(r => r.L1), ["2"] = rows.Sum(r => r.L2), ["3"] = rows.Sum(r => r.L3),
                ["4"] = rows.Sum(r => r.L4), ["unassessed"] = rows.Sum(r => r.Unassessed),
            },
            categories.ToDictionary(c => EnumText.Of(c.Key), c => pick(c.Value)),
            pick(priorityCounts), pick(assessedCounts));

        var result = raw.OrderBy(r => r.Key).Select(r => new ElderStatisticsRow(r.Key, names.GetValueOrDefault(r.Key),
            CountsOf([r], d => d.GetValueOrDefault(r.Key)))).ToList();
        return new ElderStatisticsReport(today, byRegion ? "region" : "unit", result, CountsOf(raw, d => d.Values.Sum()));
    }

    private static async Task<Dictionary<string, int>> Count(IQueryable<IGrouping<string, Elder>> groups, CancellationToken ct) =>
        await groups.Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}
