using ElderCare.Web.Data;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Reports;

/// <summary>
/// The municipal statistical export (.xlsx): one row per approved (locked) report of the quarter with every indicator of
/// the form as a number (ratios as fractions, money in yuan), the snapshot hash, and a sheet of the definitions.
/// </summary>
public static class ExportReportStatistics
{
    public sealed record File(byte[] Content, string Name);

    public static async Task<Outcome<File>> Handle(string? quarter, AppDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var parsed = Quarter.Parse(quarter, "quarter", errors);
        if (errors.Any || parsed is not { } q) return Outcome<File>.Invalid(errors);
        var form = await ReportFormDefaults.InForceAsync(q.Year, db, ct);
        var reports = await db.QuarterlyReports.AsNoTracking()
            .Where(r => r.Year == q.Year && r.QuarterNumber == q.Number && r.Status == ReportStatus.Approved)
            .OrderBy(r => r.UnitCode).Select(r => new { r.UnitCode, r.UnitName, r.UnitKind, r.SnapshotJson, r.SnapshotHash, r.ApprovedAt })
            .ToListAsync(ct);
        var rows = reports.Select(r =>
        {
            var values = ReportSnapshot.Parse(r.SnapshotJson).Values;
            var row = new Dictionary<string, object?>
            {
                ["单位代码"] = r.UnitCode, ["单位名称"] = r.UnitName, ["类型"] = r.UnitKind == RegionKind.Street ? "街道" : "镇", ["季度"] = q.Label,
            };
            foreach (var i in form.Indicators)
                row[$"{i.Name}（{ReportDisplay.UnitLabel(i.Unit)}）"] = ReportDisplay.Cell(values.GetValueOrDefault(i.Code), i.Unit);
            row["审定时间"] = Display.ChinaTime(r.ApprovedAt);
            row["快照SHA-256"] = r.SnapshotHash;
            return (IReadOnlyDictionary<string, object?>)row;
        }).ToList();
        var definitions = form.Indicators.Select(i => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["代码"] = i.Code, ["指标"] = i.Name, ["单位"] = ReportDisplay.UnitLabel(i.Unit), ["口径"] = i.Definition, ["政策依据"] = i.Policy,
            ["状态"] = form.Confirmed ? "已确认" : Placeholders.Mark,
        }).ToList();
        var bytes = SpreadsheetWriter.Xlsx(new Dictionary<string, object> { ["季报汇总"] = rows, ["指标口径"] = definitions });
        return new File(bytes, $"养老服务季报统计-{q.Code}.xlsx");
    }
}
