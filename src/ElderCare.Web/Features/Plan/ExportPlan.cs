using ElderCare.Web.Data;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Plan;

public static class ExportPlan
{
    /// <summary>The plan of the units under a region prefix ("" = the whole district).</summary>
    public static async Task<byte[]> Handle(string prefix, AppDbContext db, CancellationToken ct)
    {
        var units = await db.Regions.AsNoTracking().Where(r => (r.Kind == RegionKind.Street || r.Kind == RegionKind.Town) && r.Code.StartsWith(prefix))
            .OrderBy(r => r.Code).ToListAsync(ct);
        var lines = await db.PlanLines.AsNoTracking().Where(l => l.UnitCode.StartsWith(prefix)).ToListAsync(ct);
        var byUnit = lines.ToLookup(l => l.UnitCode);

        var sheets = new Dictionary<string, object>();
        foreach (var sheet in PlanSheets.All)
        {
            var years = PlanSheets.Years(sheet, lines).ToList();
            sheets[sheet.Name] = units.Select((u, i) =>
            {
                var row = new Dictionary<string, object?> { [PlanSheets.No] = i + 1, [PlanSheets.Unit] = u.Name, [PlanSheets.Code] = u.Code };
                if (sheet == PlanSheets.Rural) row[PlanSheets.Villages] = u.VillageCount;
                foreach (var type in sheet.Types)
                {
                    var line = byUnit[u.Code].FirstOrDefault(l => l.Type == type);
                    row[PlanSheets.Existing(type)] = line?.Existing;
                    foreach (var y in years) row[PlanSheets.Year(type, y)] = Count(line, y);
                    row[PlanSheets.Unscheduled(type)] = Count(line, null);
                    row[PlanSheets.ToConfirm(type)] = line?.ToConfirm == true ? "是" : "";
                    row[PlanSheets.Note(type)] = line?.Note;
                }
                return row;
            }).ToList();
        }
        return SpreadsheetWriter.Xlsx(sheets);
    }

    private static int? Count(PlanLine? line, int? year) =>
        line?.Years.Where(y => y.Year == year).Sum(y => y.Count) is > 0 and var n ? n : null;
}
