using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Map;

/// <summary>A square of the grid with the elders (and priority elders) whose homes lie in it; its centre and side in metres.</summary>
public sealed record DensityCell(double Lat, double Lng, double SideMeters, int Elders, int Priority);

public sealed record ElderDensity(DateOnly AsOf, string Level, double CellMeters, int Elders, int Priority, IReadOnlyList<DensityCell> Cells);

/// <summary>
/// The elders on the service map at district and town level (二(四) 养老服务地图): counted on a grid, never one dot per
/// elder — a square of 1 km at district level, 400 m at town level, 200 m at community level. Only cells with elders;
/// elders in the user's scope, active, with a recorded home; priority elders (the rules in force) counted apart.
/// </summary>
public static class ListElderDensity
{
    public static readonly IReadOnlyDictionary<string, double> CellMeters = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["district"] = 1000, ["town"] = 400, ["community"] = 200,
    };

    public static async Task<Outcome<ElderDensity>> Handle(string? level, string? regionCode, string? asOf, DataScope scope, AppDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = clock.DateOrToday(asOf, "asOf", errors);
        level = string.IsNullOrWhiteSpace(level) ? "district" : level.Trim();
        errors.AddIf(!CellMeters.ContainsKey(level), "level", "层级应为 district（全区）、town（镇街）或 community（村社区）。");
        var region = MapRegion.Check(regionCode, errors);
        if (errors.Any) return Outcome<ElderDensity>.Invalid(errors);
        if (scope.RegionPrefix is null || region is not null && !scope.Covers(region))
            return Outcome<ElderDensity>.NotFound("无权查看该区域的老年人分布。");

        var elders = db.Elders.AsNoTracking().InScope(scope, db)
            .Where(e => e.Status == ElderStatus.Active && e.Latitude != null && e.Longitude != null)
            .InRegion(region);
        var priority = (await elders.InPriorityGroup(date, await PriorityRules.InForce(db, date, ct)).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        var homes = (await elders.Select(e => new { e.Id, e.UnitCode, e.RegionCode, e.Latitude, e.Longitude }).ToListAsync(ct))
            .Select(e => new GetReach.Home(e.UnitCode, e.RegionCode, e.Latitude, e.Longitude, priority.Contains(e.Id))).ToList();
        var side = CellMeters[level];
        var cells = Grid(homes, side);
        return new ElderDensity(date, level, side, homes.Count, homes.Count(h => h.Priority), cells);
    }

    /// <summary>Homes counted in squares of <paramref name="side"/> metres; each cell at the centre of its square.</summary>
    internal static IReadOnlyList<DensityCell> Grid(IEnumerable<GetReach.Home> homes, double side)
    {
        var degreesLat = side / Geo.MetersPerDegree;
        return GetReach.Squares(homes, side).Select(g =>
            {
                var (row, column) = g.Key;
                var degreesLng = degreesLat / Math.Cos((row + 0.5) * degreesLat * Math.PI / 180);
                return new DensityCell(Math.Round((row + 0.5) * degreesLat, 6), Math.Round((column + 0.5) * degreesLng, 6), side, g.Count(),
                    g.Count(h => h.Priority));
            })
            .OrderBy(c => c.Lat).ThenBy(c => c.Lng).ToList();
    }
}

/// <summary>The region a map layer is limited to: a street or town (9 digits) or a community or village (12).</summary>
internal static class MapRegion
{
    public static string? Check(string? code, FieldErrors errors, string field = "region")
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        code = code.Trim();
        errors.AddIf(code.Length is not (9 or 12) || !code.All(char.IsAsciiDigit), field, "区域代码应为 9 位（镇街）或 12 位（村社区）数字。");
        return code;
    }
}
