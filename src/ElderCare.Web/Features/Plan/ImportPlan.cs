using System.Globalization;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Plan;

public static class ImportPlan
{
    public sealed record Result(int Rows, int Lines, IReadOnlyList<PlanTotalCheck> Checks);

    /// <summary>
    /// Reads a workbook in the layout of <see cref="PlanSheets"/>. All or nothing: with any bad row nothing changes and
    /// every bad row is reported as <c>{sheet}第N行:{column}</c>.
    /// </summary>
    public static async Task<Outcome<Result>> Handle(Stream xlsx, AppDbContext db, SpreadsheetLimits limits, CancellationToken ct)
    {
        // The shared reader refuses a file over the limits, a DOCTYPE or broken XML (400) before any row is read.
        var opened = await SpreadsheetReader.OpenAsync(xlsx, limits, ct);
        if (!opened.IsOk) return Outcome<Result>.Invalid(opened.Errors!);
        using var workbook = opened.Value!;
        return await ReadAsync(workbook, db, ct);
    }

    private static async Task<Outcome<Result>> ReadAsync(SpreadsheetReader workbook, AppDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var units = await db.Regions.Units().ToDictionaryAsync(r => r.Code, ct);
        var parsed = new Dictionary<(string, FacilityType), PlanLine>();
        var villageCounts = new Dictionary<string, int?>();
        var rows = 0;
        var sheetNames = workbook.SheetNames;

        try
        {
            foreach (var sheet in PlanSheets.All)
            {
                if (!sheetNames.Contains(sheet.Name))
                {
                    errors.Add("file", $"缺少工作表「{sheet.Name}」，请使用导出的模板。");
                    continue;
                }
                var seen = new HashSet<string>();
                var rowNo = 1; // the header is row 1
                foreach (var cells in workbook.Rows(sheet.Name))
                {
                    rowNo++;
                    if (cells.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s)))) continue;
                    rows++;
                    var at = $"{sheet.Name}第{rowNo}行";
                    var code = Text(cells, PlanSheets.Code);
                    if (code is null || !units.TryGetValue(code, out var unit))
                    {
                        errors.Add($"{at}:{PlanSheets.Code}", code is null ? "缺少镇街代码。" : $"镇街代码 {code} 不存在。");
                        continue;
                    }
                    if (!seen.Add(code))
                    {
                        errors.Add($"{at}:{PlanSheets.Code}", $"镇街代码 {code} 在本表中重复。");
                        continue;
                    }
                    if (sheet == PlanSheets.Rural)
                        villageCounts[code] = Count(cells, PlanSheets.Villages, at, errors);

                    foreach (var type in sheet.Types)
                    {
                        var line = new PlanLine
                        {
                            UnitCode = code, Type = type,
                            Existing = Count(cells, PlanSheets.Existing(type), at, errors),
                            ExistingOrPlanned = Count(cells, PlanSheets.ExistingOrPlanned(type), at, errors) is > 0 and var either ? either : null,
                            ToConfirm = Text(cells, PlanSheets.ToConfirm(type)) is "是" or "Y" or "y" or "1" or "true",
                            Note = Text(cells, PlanSheets.Note(type)),
                        };
                        var yearKeys = cells.Keys.Where(k =>
                            k.StartsWith(Labels.Of(type), StringComparison.Ordinal) && k.EndsWith("年拟建数", StringComparison.Ordinal));
                        foreach (var key in yearKeys)
                        {
                            var yearText = key[Labels.Of(type).Length..^"年拟建数".Length];
                            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
                            {
                                errors.Add($"{at}:{key}", "列名中的年份无效。");
                                continue;
                            }
                            if (Count(cells, key, at, errors) is > 0 and var n) line.Years.Add(new PlanYear { Year = year, Count = n });
                        }
                        if (Count(cells, PlanSheets.Unscheduled(type), at, errors) is > 0 and var u)
                            line.Years.Add(new PlanYear { Year = null, Count = u });
                        line.Note = errors.Text(line.Note, $"{at}:{PlanSheets.Note(type)}", PlanSheets.Note(type), FreeText.Note, multiLine: true);
                        if (line.Note?.Length > 500) errors.Add($"{at}:{PlanSheets.Note(type)}", "备注不能超过 500 个字。");

                        var wrongKind = (type == FacilityType.StreetCenter && unit.Kind != RegionKind.Street)
                                        || (type == FacilityType.TownCenter && unit.Kind != RegionKind.Town);
                        if (wrongKind && (line.Existing > 0 || line.PlannedToBuild > 0 || line.ExistingOrPlanned > 0))
                            errors.Add($"{at}:{PlanSheets.Existing(type)}", $"{unit.Name}是{Labels.Of(unit.Kind)}，不应填写{Labels.Of(type)}。");
                        else if (!wrongKind) parsed[(code, type)] = line;
                    }
                }
            }
        }
        catch (Exception e) when (SpreadsheetReader.IsBroken(e))
        {
            return Outcome<Result>.Invalid(SpreadsheetReader.Field, SpreadsheetReader.NotAWorkbook);
        }
        if (rows == 0 && !errors.Any) errors.Add("file", "工作簿中没有数据行。");
        if (errors.Any) return Outcome<Result>.Invalid(errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.PlanLines.ToDictionaryAsync(l => (l.UnitCode, l.Type), ct);
        foreach (var (key, line) in parsed)
        {
            if (existing.TryGetValue(key, out var current))
            {
                current.Existing = line.Existing;
                current.ExistingOrPlanned = line.ExistingOrPlanned;
                current.Years = line.Years;
                current.ToConfirm = line.ToConfirm;
                current.Note = line.Note;
            }
            else db.PlanLines.Add(line);
        }
        foreach (var (code, villages) in villageCounts) units[code].VillageCount = villages;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        // The rows are kept as imported; how they stand against the 合计 rows is reported with the result.
        var all = await db.PlanLines.AsNoTracking().ToListAsync(ct);
        var totals = await db.PlanTotals.AsNoTracking().ToListAsync(ct);
        return new Result(rows, parsed.Count, PlanTotalChecks.Check(all, totals));
    }

    private static string? Text(IDictionary<string, object?> cells, string column) =>
        cells.TryGetValue(column, out var v) && v is not null
            && Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } s
                ? s
                : null;

    /// <summary>An optional non-negative whole number; anything else is an error for that cell.</summary>
    private static int? Count(IDictionary<string, object?> cells, string column, string at, FieldErrors errors)
    {
        if (!cells.TryGetValue(column, out var v) || v is null) return null;
        switch (v)
        {
            case double d when d >= 0 && d <= 100_000 && Math.Abs(d - Math.Round(d)) < 1e-9:
                return (int)Math.Round(d);
            case int i when i >= 0:
                return i;
            case long l when l is >= 0 and <= 100_000:
                return (int)l;
            case string s when string.IsNullOrWhiteSpace(s):
                return null;
            case string s when int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 100_000:
                return n;
            default:
                errors.Add($"{at}:{column}", $"应为不小于 0 的整数，实际为「{v}」。");
                return null;
        }
    }
}
