using System.Text.RegularExpressions;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using T = ElderCare.Web.Features.Regions.RegionImportTemplate;

namespace ElderCare.Web.Features.Regions;

/// <summary>
/// Loads communities and villages from the national 统计用区划代码 list (ADR 0021). <b>All or nothing</b>: a
/// region tree is one document and a code correction moves everything filed under it, so with any bad row nothing is
/// applied and every problem is reported by cell; otherwise the whole file is applied in one transaction. New codes are
/// added under the street or town their first 9 digits name; a known code with another name is renamed; a unit (or a
/// community/village of the same unit) with the same name but another code is a code correction, applied with
/// <see cref="ChangeRegionCode.ApplyAsync"/> (district users only). Re-importing the same file changes nothing.
/// </summary>
public static partial class ImportRegions
{
    public const int MaxRows = 20_000;
    public const int MaxCellLength = 500;
    public const long MaxFileBytes = 10L * 1024 * 1024;

    public enum RowOutcome { Imported, Renamed, Corrected, Unchanged, Rejected }

    public sealed record RowError(int Row, string Cell, string Column, string Message)
    {
        /// <summary>"第 5 行 B 列（城乡分类代码）：……"</summary>
        public string Text => $"第 {Row} 行 {Cell.TrimEnd("0123456789".ToCharArray())} 列（{Column}）：{Message}";
    }

    public sealed record RowResult(int Row, string? Code, string? Name, RowOutcome Outcome, string? OldCode = null);

    /// <summary><c>applied</c> is false when any row has an error: then nothing was changed.</summary>
    public sealed record Result(bool Applied, int Imported, int Renamed, int Corrected, int Unchanged, int Rejected,
        IReadOnlyList<RowResult> Rows, IReadOnlyList<RowError> Errors);

    /// <summary>Who imports: the scope limits the units; only the district corrects codes.</summary>
    public sealed record Importer(DataScope Scope, bool CanCorrectCodes, Guid? UserId, string? UserName, string? Address)
    {
        public static Importer Of(CurrentUser user, System.Security.Claims.ClaimsPrincipal principal) =>
            new(user.Scope, Roles.Allows(principal, Roles.Policies.ChangeRegionCodes), user.Id, user.UserName, user.Address);
    }


    private sealed record Planned(int Row, string Code, string Name, RegionKind Kind, RowOutcome Outcome, string? OldCode);

    public static async Task<Outcome<Result>> Handle(
        Stream xlsx, SpreadsheetLimits limits, Importer importer, AppDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var read = await XlsxRows.ReadUploadAsync(xlsx, limits, T.DataSheet, MaxRows, MaxCellLength, ct);
        if (!read.IsOk) return Outcome<Result>.Invalid(read.Errors!);
        var rows = read.Value!;
        if (rows.Count == 0) return Outcome<Result>.Invalid("file", "工作表是空的，第 1 行应为列名：统计用区划代码、城乡分类代码、名称。");
        var header = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows[0].Cells.Length; i++)
            if (rows[0].Cells[i] is { } h && Whitespace().Replace(h, "") is var name && T.Columns.Contains(name)) header.TryAdd(name, i);
        var missing = T.Columns.Where(c => !header.ContainsKey(c)).ToList();
        if (missing.Count > 0) return Outcome<Result>.Invalid("file", $"缺少列：{string.Join("、", missing)}。请使用下载的模板或统计用区划代码表，第 1 行为列名。");
        if (rows.Count == 1) return Outcome<Result>.Invalid("file", "工作表中没有数据行（从第 2 行起每行一个区划）。");

        var regions = await db.Regions.AsNoTracking().ToListAsync(ct);
        var district = regions.FirstOrDefault(r => r.Kind == RegionKind.District);
        if (district is null) return Outcome<Result>.Conflict("尚未建立本区的区划，请先初始化系统。");

        var errors = new List<RowError>();
        var planned = new List<Planned>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var unitCorrections = new Dictionary<string, string>(StringComparer.Ordinal); // old → new
        var parsed = new List<(XlsxRows.Row Row, string Code, string? Class, string Name)>();

        string? Cell(XlsxRows.Row row, string column) => header[column] < row.Cells.Length ? row.Cells[header[column]] : null;
        void Error(XlsxRows.Row row, string column, string message) =>
            errors.Add(new RowError(row.Number, XlsxRows.Column(header[column]) + row.Number, column, message));

        // First the rows themselves, then the units (their corrections decide where the villages go), then the villages.
        foreach (var row in rows.Skip(1))
        {
            var code = Cell(row, T.Code) is { } c ? Whitespace().Replace(c, "") : null;
            var name = Cell(row, T.Name)?.Trim();
            var before = errors.Count;
            if (code is null) Error(row, T.Code, "请填写统计用区划代码。");
            else if (!code.All(char.IsAsciiDigit) || code.Length is not (9 or 12))
                Error(row, T.Code, $"统计用区划代码应为 12 位数字（镇街本身可写 9 位），实际为「{code}」。");
            else if (!code.StartsWith(district.Code, StringComparison.Ordinal))
                Error(row, T.Code, $"代码 {code} 不属于{district.Name}（{district.Code}）。");
            if (name is null) Error(row, T.Name, "请填写名称。");
            else if (name.Length > 100) Error(row, T.Name, "名称不能超过 100 个字。");
            if (errors.Count > before) continue;
            if (code!.Length == 12 && code.EndsWith("000", StringComparison.Ordinal)) code = code[..9];
            if (code.Length == 12 && code[6..] == "000000") continue; // the district's own row
            if (seen.TryGetValue(code, out var first))
            {
                Error(row, T.Code, $"代码 {code} 与第 {first} 行重复。");
                continue;
            }
            seen[code] = row.Number;
            parsed.Add((row, code, Cell(row, T.Classification), name!));
        }

        var units = regions.Where(r => Region.IsUnit(r.Kind)).ToList();
        foreach (var (row, code, _, name) in parsed.Where(p => p.Code.Length == 9))
        {
            var unit = units.FirstOrDefault(u => u.Code == code);
            if (unit is not null)
            {
                if (!importer.Scope.Covers(code)) Error(row, T.Code, $"镇街 {code} 不在您管辖的范围内。");
                else planned.Add(new Planned(row.Number, code, name, unit.Kind, unit.Name == name ? RowOutcome.Unchanged : RowOutcome.Renamed, null));
                continue;
            }
            // A known street or town under another code: the file corrects its code (if that code is not in the file too).
            var same = units.Where(u => u.Name == name && !seen.ContainsKey(u.Code)).ToList();
            if (same.Count != 1)
                Error(row, T.Code, $"本区没有代码为 {code} 的街道或镇，也没有唯一同名的“{name}”可以更正；新增镇街请联系区民政局。");
            else if (!importer.CanCorrectCodes || !importer.Scope.Covers(same[0].Code))
                Error(row, T.Code, $"“{name}”已登记的代码是 {same[0].Code}；更正镇街代码只能由区级用户办理。");
            else if (regions.Any(r => r.Code.StartsWith(code, StringComparison.Ordinal)))
                Error(row, T.Code, $"代码 {code} 已被使用。");
            else
            {
                unitCorrections[same[0].Code] = code;
                planned.Add(new Planned(row.Number, code, name, same[0].Kind, RowOutcome.Corrected, same[0].Code));
            }
        }

        // The regions as they will be once the units' codes are corrected.
        string Moved(string c) => unitCorrections.Aggregate(c, (x, u) => ChangeRegionCode.Moved(x, u.Key, u.Value));
        var after = regions.Select(r => (Code: Moved(r.Code), r.Name, r.Kind, Parent: r.ParentCode is null ? null : Moved(r.ParentCode))).ToList();
        var byCode = after.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var childCorrections = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (row, code, classification, name) in parsed.Where(p => p.Code.Length == 12))
        {
            RegionKind? kind = null;
            if (classification is null) Error(row, T.Classification, "社区、村的行请填写城乡分类代码（如 111、220）。");
            else if (T.KindOf(classification.Trim(), name) is { } k) kind = k;
            else Error(row, T.Classification, $"城乡分类代码「{classification}」无法识别，应为 111、112、121、122、123、210 或 220。");
            var parentCode = code[..9];
            if (!byCode.TryGetValue(parentCode, out var parent) || !Region.IsUnit(parent.Kind))
            {
                Error(row, T.Code, $"上级镇街 {parentCode} 不存在（代码前 9 位应为所属街道或镇的代码）。");
                continue;
            }
            if (!importer.Scope.Covers(parentCode) && !unitCorrections.ContainsValue(parentCode))
            {
                Error(row, T.Code, $"镇街 {parentCode} 不在您管辖的范围内。");
                continue;
            }
            if (kind is not { } kindOf) continue;
            if (byCode.TryGetValue(code, out var known))
            {
                if (known.Kind != kindOf)
                    Error(row, T.Classification, $"代码 {code} 已登记为{Labels.Of(known.Kind)}，城乡分类代码 {classification} 表示{Labels.Of(kindOf)}。");
                else planned.Add(new Planned(row.Number, code, name, kindOf, known.Name == name ? RowOutcome.Unchanged : RowOutcome.Renamed, null));
                continue;
            }
            if (code.AsSpan(9).IndexOfAnyExcept('0') < 0)
            {
                Error(row, T.Code, "代码的本级部分不能全为 0。");
                continue;
            }
            // The same community or village under another code in the same unit: the file corrects its code.
            var same = after.Where(r => r.Parent == parentCode && r.Name == name && r.Kind == kindOf && !seen.ContainsKey(r.Code)).ToList();
            if (same.Count == 1)
            {
                if (!importer.CanCorrectCodes) Error(row, T.Code, $"“{name}”已登记的代码是 {same[0].Code}；更正代码只能由区级用户办理。");
                else
                {
                    childCorrections[same[0].Code] = code;
                    planned.Add(new Planned(row.Number, code, name, kindOf, RowOutcome.Corrected, same[0].Code));
                }
                continue;
            }
            planned.Add(new Planned(row.Number, code, name, kindOf, RowOutcome.Imported, null));
        }

        var results = planned.Select(p => new RowResult(p.Row, p.Code, p.Name, p.Outcome, p.OldCode))
            .Concat(errors.Select(e => e.Row).Distinct().Select(r => new RowResult(r, null, null, RowOutcome.Rejected)))
            .OrderBy(r => r.Row).ToList();
        errors = [.. errors.OrderBy(e => e.Row).ThenBy(e => e.Cell.Length).ThenBy(e => e.Cell, StringComparer.Ordinal)];
        if (errors.Count > 0) return Summary(false, results, errors);

        var now = clock.UtcNow();
        var reason = "按导入的统计用区划代码表更正";
        var followed = new List<string>();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            try
            {
                foreach (var (oldCode, newCode) in unitCorrections.Concat(childCorrections))
                {
                    var moved = await ChangeRegionCode.ApplyAsync(db, oldCode, newCode, ct);
                    db.RegionCodeChanges.Add(new RegionCodeChange
                    {
                        OldCode = oldCode, NewCode = newCode, Reason = reason, ChangedBy = importer.UserName, ChangedAt = now,
                    });
                    followed.Add($"{oldCode} → {newCode}（随之更新：{ChangeRegionCode.Describe(moved)}）");
                }
                foreach (var p in planned.Where(p => p.Outcome is RowOutcome.Renamed or RowOutcome.Corrected))
                    await db.Regions.Where(r => r.Code == p.Code && r.Name != p.Name).ExecuteUpdateAsync(u => u.SetProperty(r => r.Name, p.Name), ct);
                foreach (var p in planned.Where(p => p.Outcome == RowOutcome.Imported))
                    db.Regions.Add(new Region { Code = p.Code, Name = p.Name, Kind = p.Kind, ParentCode = p.Code[..9] });
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return Outcome<Result>.Conflict("导入时与他人同时进行的修改冲突，未做任何更改，请重新导入。");
            }
        }
        var summary = Summary(true, results, errors);
        var s = summary.Value!;
        await audit.AppendAsync(new AuditRecord(
            importer.UserId, importer.UserName, "region.import", "regions", AuditOutcome.Success, importer.Address,
            $"新增 {s.Imported}、改名 {s.Renamed}、更正代码 {s.Corrected}、未变化 {s.Unchanged}"
                + (followed.Count > 0 ? "；更正：" + string.Join("；", followed) : "")));
        return summary;
    }

    private static Outcome<Result> Summary(bool applied, List<RowResult> rows, List<RowError> errors) => new Result(applied,
        rows.Count(r => r.Outcome == RowOutcome.Imported), rows.Count(r => r.Outcome == RowOutcome.Renamed),
        rows.Count(r => r.Outcome == RowOutcome.Corrected), rows.Count(r => r.Outcome == RowOutcome.Unchanged),
        rows.Count(r => r.Outcome == RowOutcome.Rejected), rows, errors);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
