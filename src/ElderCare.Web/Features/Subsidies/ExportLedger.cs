using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Subsidies;

/// <summary>
/// The ledger as a workbook a finance office accepts: one row per line (amounts in yuan as numbers of two decimals, fen / 100), the explanation
/// and the approval trail, and a 合计 sheet by unit, facility and funding source. Filtered like the list (per batch, unit,
/// facility, year).
/// </summary>
public static class ExportLedger
{
    public const int MaxRows = 100_000;

    public static async Task<Outcome<byte[]>> Handle(ListLedger.Query query, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var filtered = ListLedger.Filter(query, scope, db, errors);
        if (errors.Any) return Outcome<byte[]>.Invalid(errors);
        var lines = await filtered
            .OrderBy(l => l.TownCode).ThenBy(l => l.FacilityId).ThenBy(l => l.Year).ThenBy(l => l.Month).ThenBy(l => l.Key).ThenBy(l => l.Revision)
            .Take(MaxRows + 1).ToListAsync(ct);
        if (lines.Count > MaxRows) return Outcome<byte[]>.Invalid("year", $"导出超过 {MaxRows:#,0} 行，请按年度、镇街或批次分开导出。");
        var resources = await LedgerQueries.Resources(lines, db, ct);
        var batchIds = lines.Where(l => l.BatchId != null).Select(l => l.BatchId!.Value).Distinct().ToList();
        var batches = await db.PaymentBatches.AsNoTracking().Where(b => batchIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        var rows = resources.Select((r, i) =>
        {
            var b = r.BatchId is { } id ? batches.GetValueOrDefault(id) : null;
            var line = lines[i];
            return (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["序号"] = i + 1, ["年度"] = r.Year, ["月份"] = r.Month, ["镇街"] = r.TownName ?? r.TownCode, ["镇街编码"] = r.TownCode,
                ["设施"] = r.FacilityName, ["款项"] = r.KindName, ["资金来源"] = r.FundingSourceName, ["金额（元）"] = r.AmountFen / 100m,
                ["计算说明"] = r.Explanation, ["冲销"] = r.IsReversal ? "是" : null, ["状态"] = r.StatusName,
                ["镇街审核人"] = line.ReviewedBy, ["审核时间"] = Display.ChinaTime(line.ReviewedAt),
                ["区审批人"] = line.ApprovedBy, ["审批时间"] = Display.ChinaTime(line.ApprovedAt),
                ["批次号"] = b?.Number, ["凭证号"] = b?.VoucherNumber, ["支付日期"] = b is null ? null : Display.Date(b.PaidOn),
                ["账目编号"] = r.Id.ToString(),
            };
        }).ToList();
        var totals = resources.GroupBy(r => (r.TownName ?? r.TownCode, r.FacilityName, r.FundingSourceName))
            .OrderBy(g => g.Key.Item1).ThenBy(g => g.Key.FacilityName)
            .Select(g => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["镇街"] = g.Key.Item1, ["设施"] = g.Key.FacilityName, ["资金来源"] = g.Key.FundingSourceName, ["笔数"] = g.Count(),
                ["金额（元）"] = g.Sum(r => r.AmountFen) / 100m,
                ["已支付（元）"] = g.Where(r => r.Status == LedgerStatus.Paid).Sum(r => r.AmountFen) / 100m,
            })
            .Append(new Dictionary<string, object?>
            {
                ["镇街"] = "合计", ["设施"] = null, ["资金来源"] = null, ["笔数"] = resources.Count,
                ["金额（元）"] = resources.Sum(r => r.AmountFen) / 100m,
                ["已支付（元）"] = resources.Where(r => r.Status == LedgerStatus.Paid).Sum(r => r.AmountFen) / 100m,
            })
            .ToList();
        return SpreadsheetWriter.Xlsx(new Dictionary<string, object> { ["明细"] = rows, ["合计"] = totals });
    }
}
