using System.Diagnostics;
using System.Text;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Coverage;
using ElderCare.Web.Features.Facilities;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Bench;

/// <summary>
/// The experiment behind the recommendations in RESULTS.md: the app's current LINQ for the slow parts of
/// GetCoverage/GetKpis next to alternative shapes, each checked to give the same numbers, timed round-robin through
/// EF on the app's connection settings. Nothing here changes the app; the shapes are proposals.
/// </summary>
public static class QueryShapes
{
    private static readonly DateOnly AsOf = DateOnly.Parse(CityApp.AsOf, System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Shape(string Group, string Name, Func<AppDbContext, Task<string>> Run);

    public static async Task<string> RunAsync(string databaseFile, int runs = 30)
    {
        var connection = Database.SqliteConnectionString($"Data Source={databaseFile}", BenchPaths.Repo);
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).Options;
        Shape[] shapes =
        [
            new("plan", "current: PlanLines entities (JSON Years materialised), TotalWhenDone in memory", async db =>
                Fingerprint((await db.PlanLines.AsNoTracking().Where(p => p.UnitCode.StartsWith("")).ToListAsync())
                    .Select(p => (p.UnitCode, p.Type, p.TotalWhenDone)))),
            new("plan", "proposed: project the total, Years summed in SQL (json_each)", async db =>
                Fingerprint((await db.PlanLines.AsNoTracking().Where(p => p.UnitCode.StartsWith(""))
                        .Select(p => new { p.UnitCode, p.Type, Total = (p.Existing ?? 0) + p.Years.Sum(y => y.Count) }).ToListAsync())
                    .Select(p => (p.UnitCode, p.Type, p.Total)))),

            new("operating", "current: OperatingOn().GroupBy(UnitCode, Type).Count()", async db =>
                Fingerprint((await db.Facilities.AsNoTracking().OperatingOn(AsOf)
                        .GroupBy(f => new { f.UnitCode, f.Type }).Select(g => new { g.Key.UnitCode, g.Key.Type, Count = g.Count() }).ToListAsync())
                    .Select(o => (o.UnitCode, o.Type, o.Count)))),
            new("operating", "proposed: OperatingOn().Select(UnitCode, Type), counted in memory", async db =>
                Fingerprint((await db.Facilities.AsNoTracking().OperatingOn(AsOf).Select(f => new { f.UnitCode, f.Type }).ToListAsync())
                    .CountBy(f => (f.UnitCode, f.Type)).Select(o => (o.Key.UnitCode, o.Key.Type, o.Value)))),

            new("kpi facts", "current: two passes — per (unit, type) counts and per-type KPI sums", async db =>
            {
                var counts = await db.Facilities.AsNoTracking().OperatingOn(AsOf)
                    .GroupBy(f => new { f.UnitCode, f.Type }).Select(g => new { g.Key.UnitCode, g.Key.Type, Count = g.Count() }).ToListAsync();
                var facts = await db.Facilities.AsNoTracking().OperatingOn(AsOf).GroupBy(f => f.Type)
                    .Select(g => new OperatingFacts(g.Key, g.Count(), g.Count(f => f.OperationMode != OperationMode.Government),
                        g.Count(f => f.MedicalCareMode != MedicalCareMode.None), g.Count(f => f.MedicalCareMode == MedicalCareMode.Integrated),
                        g.Sum(f => f.Beds.Total), g.Sum(f => f.Beds.Nursing))).ToListAsync();
                return Fingerprint(counts.Select(o => (o.UnitCode, o.Type, o.Count))) + "|" + Fingerprint(facts.OrderBy(f => f.Type));
            }),
            new("kpi facts", "proposed: one pass — operating rows with the KPI columns, both aggregated in memory", async db =>
            {
                var rows = await db.Facilities.AsNoTracking().OperatingOn(AsOf)
                    .Select(f => new { f.UnitCode, f.Type, f.OperationMode, f.MedicalCareMode, f.Beds.Total, f.Beds.Nursing }).ToListAsync();
                var counts = rows.CountBy(f => (f.UnitCode, f.Type)).Select(o => (o.Key.UnitCode, o.Key.Type, o.Value));
                var facts = rows.GroupBy(f => f.Type).Select(g => new OperatingFacts(g.Key, g.Count(),
                    g.Count(f => f.OperationMode != OperationMode.Government), g.Count(f => f.MedicalCareMode != MedicalCareMode.None),
                    g.Count(f => f.MedicalCareMode == MedicalCareMode.Integrated), g.Sum(f => f.Total), g.Sum(f => f.Nursing)));
                return Fingerprint(counts) + "|" + Fingerprint(facts.OrderBy(f => f.Type));
            }),
        ];

        var times = shapes.ToDictionary(s => s, _ => new List<double>());
        var results = new Dictionary<Shape, string>();
        var sql = new Dictionary<Shape, string>();
        for (var i = 0; i < runs + 3; i++)
        {
            foreach (var shape in shapes)
            {
                await using var db = new SqliteAppDbContext(options);
                var sw = Stopwatch.StartNew();
                results[shape] = await shape.Run(db);
                if (i >= 3) times[shape].Add(sw.Elapsed.TotalMilliseconds); // the first runs warm up JIT, EF's query cache and SQLite's page cache
            }
        }

        var text = new StringBuilder();
        text.AppendLine($"| part | LINQ shape | median (ms, {runs} runs, EF on `{Path.GetFileName(databaseFile)}`) | same numbers as current |");
        text.AppendLine("|---|---|---:|:-:|");
        foreach (var group in shapes.GroupBy(s => s.Group))
        {
            var current = group.First();
            foreach (var shape in group)
                text.AppendLine($"| {shape.Group} | {shape.Name} | {QueryLog.Median(times[shape]):F1} | " +
                    $"{(results[shape] == results[current] ? "✓" : "✗ DIFFERENT")} |");
        }
        await using (var db = new SqliteAppDbContext(options))
        {
            text.AppendLine();
            text.AppendLine("SQL of the proposed shapes (`ToQueryString`):");
            text.AppendLine("```sql");
            text.AppendLine(db.PlanLines.AsNoTracking().Where(p => p.UnitCode.StartsWith(""))
                .Select(p => new { p.UnitCode, p.Type, Total = (p.Existing ?? 0) + p.Years.Sum(y => y.Count) }).ToQueryString());
            text.AppendLine();
            text.AppendLine(db.Facilities.AsNoTracking().OperatingOn(AsOf)
                .Select(f => new { f.UnitCode, f.Type, f.OperationMode, f.MedicalCareMode, f.Beds.Total, f.Beds.Nursing }).ToQueryString());
            text.AppendLine("```");
        }
        return text.ToString();
    }

    private static string Fingerprint<T>(IEnumerable<T> rows) => string.Join(";", rows.Select(r => r?.ToString()).Order(StringComparer.Ordinal));
}
