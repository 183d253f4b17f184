using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Map;

/// <summary>A priority elder at home: the name masked (张**), age and the priority groups; the id links to the elder's page.</summary>
public sealed record PriorityElderPoint(Guid Id, string MaskedName, int Age, IReadOnlyList<string> Groups, double Lat, double Lng);

public sealed record PriorityElderPoints(DateOnly AsOf, string RegionCode, int Total, bool Truncated, IReadOnlyList<PriorityElderPoint> Points);

/// <summary>
/// Priority elders (一、工作目标: 优先满足高龄、失能、特殊困难老年人 — the rules in force) as points, only at community level
/// (one community or village, 12 digits) and only in the user's scope: at district and town level the map shows
/// <see cref="ListElderDensity"/> cells instead. Names masked (QUALITY.md S6); at most <see cref="MaxPoints"/>.
/// </summary>
public static class ListPriorityElderPoints
{
    public const int MaxPoints = 2000;

    public static async Task<Outcome<PriorityElderPoints>> Handle(string? regionCode, string? asOf, DataScope scope, AppDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = clock.DateOrToday(asOf, "asOf", errors);
        var region = MapRegion.Check(regionCode, errors);
        if (region is null) errors.Add("region", "请选择村社区（12 位区域代码）：重点老年人只在村社区层级逐个显示。");
        else if (region.Length != 12 && !errors.Any) errors.Add("region", "重点老年人只在村社区层级逐个显示，请选择村社区（12 位区域代码）。");
        if (errors.Any) return Outcome<PriorityElderPoints>.Invalid(errors);
        if (scope.RegionPrefix is null || !scope.Covers(region!)) return Outcome<PriorityElderPoints>.NotFound("无权查看该村社区的重点老年人。");

        var rules = await PriorityRules.InForce(db, date, ct);
        var elders = db.Elders.AsNoTracking().InScope(scope, db)
            .Where(e => e.Status == ElderStatus.Active && e.RegionCode == region && e.Latitude != null && e.Longitude != null)
            .InPriorityGroup(date, rules);
        var total = await elders.CountAsync(ct);
        var rows = await elders.OrderBy(e => e.Id).Take(MaxPoints)
            .Select(e => new { e.Id, e.Name, e.BirthDate, e.LivingArrangement, e.Categories, e.CurrentLevel, e.Latitude, e.Longitude })
            .ToListAsync(ct);
        var points = rows.Select(e =>
        {
            var age = IdNumber.Age(e.BirthDate, date);
            var facts = new PriorityFacts(age, e.LivingArrangement, e.Categories, e.CurrentLevel);
            var groups = PriorityGroups.Of(facts, rules).Select(g => g.Name).ToList();
            return new PriorityElderPoint(e.Id, Masking.Name(e.Name)!, age, groups, e.Latitude!.Value, e.Longitude!.Value);
        }).ToList();
        return new PriorityElderPoints(date, region!, total, total > points.Count, points);
    }
}
