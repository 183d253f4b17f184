using ElderCare.Web.Data;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Plan;

public static class ExportPlan
{
    /// <summary>The plan of the units under a region prefix ("" = the whole district).</summary>
    public static async Task<byte[]> Handle(string prefix, AppDbContext db, CancellationToken ct)
    {
        var units = await db.Regions.AsNoTracking()
            .Units().Where(r => r.Code.StartsWith(prefix))
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
                    row[PlanSheets.ExistingOrPlanned(type)] = line?.ExistingOrPlanned is > 0 ? line.ExistingOrPlanned : null;
                    row[PlanSheets.ToConfirm(type)] = line?.ToConfirm == true ? "是" : "";
                    row[PlanSheets.Note(type)] = line?.Note;
                }
                return row;
            }).ToList();
        }
        if (prefix.Length < 9)
        {
            var totals = await db.PlanTotals.AsNoTracking().ToListAsync(ct);
            var years = totals.Select(t => t.Year).OfType<int>().Distinct().Order().ToList();
            sheets[PlanSheets.TotalsSheet] = PlanTotalChecks.Check(lines, totals).Select(c =>
            {
                var row = new Dictionary<string, object?> { ["设施类型"] = Labels.Of(c.Type), ["区级现有数"] = c.DistrictExisting };
                foreach (var y in years) row[$"区级{y}年拟建数"] = c.DistrictByYear.GetValueOrDefault(y);
                row["各单位现有数"] = c.UnitsExisting;
                row["各单位拟建数"] = c.UnitsPlanned;
                row["各单位现有或规划待确认数"] = c.UnitsExistingOrPlanned;
                row["各单位年份待定数"] = c.UnitsUnscheduled;
                row["核对结果"] = CheckLabel(c.Status);
                row["说明"] = string.Join("；", c.Messages);
                row["来源"] = totals.FirstOrDefault(t => t.Type == c.Type)?.Source;
                return row;
            }).ToList();
        }
        return SpreadsheetWriter.Xlsx(sheets);
    }

    public static string CheckLabel(string status) => status switch
    {
        PlanTotalChecks.Agrees => "一致",
        PlanTotalChecks.ToConfirm => "待确认",
        PlanTotalChecks.Differs => "不一致",
        _ => "无区级合计",
    };

    private static int? Count(PlanLine? line, int? year) =>
        line?.Years.Where(y => y.Year == year).Sum(y => y.Count) is > 0 and var n ? n : null;
}
