using System.Globalization;
using System.Text.RegularExpressions;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using T = ElderCare.Web.Features.Facilities.FacilityImportTemplate;

namespace ElderCare.Web.Features.Facilities;

/// <summary>
/// Loads a district's existing stations and points from a spreadsheet (ADR 0021), upsert by 编号:
/// every row is checked with the rules of a single registration (<see cref="FacilityValidation"/>, so a town officer
/// imports only into their street or town); bad rows are reported cell by cell and skipped; the good rows are written
/// in one transaction (all of them, or on a database conflict none). A row equal to the stored facility is 未变化.
/// </summary>
public static partial class ImportFacilities
{
    public const int MaxRows = 20_000;
    public const int MaxCellLength = 500;
    public const long MaxFileBytes = 10L * 1024 * 1024;

    public enum RowOutcome { Imported, Updated, Unchanged, Rejected }

    /// <summary>One problem: the Excel row, the cell ("C5"), the column's header and what is wrong.</summary>
    public sealed record RowError(int Row, string Cell, string Column, string Message)
    {
        /// <summary>"第 5 行 C 列（名称）：请填写设施名称。"</summary>
        public string Text => $"第 {Row} 行 {Cell.TrimEnd("0123456789".ToCharArray())} 列（{Column}）：{Message}";
    }

    /// <summary>What became of one row: 新增 / 更新 / 未变化 / 有错误.</summary>
    public sealed record RowResult(int Row, string? Code, string? Name, RowOutcome Outcome);

    public sealed record Result(
        int Imported, int Updated, int Unchanged, int Rejected, IReadOnlyList<RowResult> Rows, IReadOnlyList<RowError> Errors);


    private sealed record Parsed(int Row, string Code, FacilityInput Input, Guid? ExistingId);

    public static async Task<Outcome<Result>> Handle(
        Stream xlsx, SpreadsheetLimits limits, DataScope scope, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var read = await XlsxRows.ReadUploadAsync(xlsx, limits, T.DataSheet, MaxRows, MaxCellLength, ct);
        if (!read.IsOk) return Outcome<Result>.Invalid(read.Errors!);
        var rows = read.Value!;
        if (rows.Count == 0) return Outcome<Result>.Invalid("file", $"“{T.DataSheet}”工作表是空的，第 1 行应为列名。");
        var header = Header(rows[0].Cells);
        var missing = T.Columns.Where(c => T.Required.Contains(c) && !header.ContainsKey(c)).ToList();
        if (missing.Count > 0)
            return Outcome<Result>.Invalid("file", $"“{T.DataSheet}”工作表缺少列：{string.Join("、", missing)}。请使用下载的模板，第 1 行为列名。");
        if (rows.Count == 1) return Outcome<Result>.Invalid("file", $"“{T.DataSheet}”工作表中没有数据行（从第 2 行起每行一个设施）。");

        var codes = rows.Skip(1).Select(r => Cell(r, header, T.Code)).OfType<string>().Distinct().ToList();
        // Only facilities in scope can be updated; a code used outside scope is refused by FacilityValidation as taken.
        var existing = new Dictionary<string, FacilityResource>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(500))
        {
            var ids = await db.Facilities.AsNoTracking().InScope(scope).Where(f => f.Code != null && chunk.Contains(f.Code))
                .Select(f => new { f.Code, f.Id }).ToListAsync(ct);
            foreach (var x in ids)
                if ((await GetFacility.Handle(x.Id, scope, db, ct)).Value is { } f) existing[x.Code!] = f;
        }

        var errors = new List<RowError>();
        var results = new List<RowResult>();
        var good = new List<Parsed>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows.Skip(1))
        {
            var rowErrors = new List<RowError>();
            void Error(string column, string message) =>
                rowErrors.Add(new RowError(
                    row.Number, (header.TryGetValue(column, out var i) ? XlsxRows.Column(i) : "A") + row.Number, column, message));

            var code = Cell(row, header, T.Code);
            if (code is null) Error(T.Code, "请填写编号。");
            else if (code.Length > 50 || !CodePattern().IsMatch(code)) Error(T.Code, "编号应为不超过 50 个字符的字母、数字和“-”。");
            else if (seen.TryGetValue(code, out var first)) Error(T.Code, $"编号 {code} 与第 {first} 行重复。");
            else seen[code] = row.Number;
            var stored = code is not null && existing.TryGetValue(code, out var s) ? s : null;

            var input = Parse(row, header, stored, Error);
            if (rowErrors.Count == 0)
            {
                var fieldErrors = await FacilityValidation.ValidateAsync(input, stored?.Id, scope, db, ct);
                foreach (var (field, messages) in fieldErrors.Entries)
                    foreach (var message in messages) Error(ColumnOf(field), message);
            }
            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors.OrderBy(e => e.Cell.Length).ThenBy(e => e.Cell, StringComparer.Ordinal));
                results.Add(new RowResult(row.Number, code, Cell(row, header, T.Name), RowOutcome.Rejected));
                continue;
            }
            good.Add(new Parsed(row.Number, code!, input, stored?.Id));
        }

        var written = await WriteAsync(good, existing, scope, db, clock, ct);
        if (!written.IsOk) return Outcome<Result>.Conflict(written.Message!);
        results.AddRange(written.Value!);
        results.Sort((a, b) => a.Row.CompareTo(b.Row));
        return new Result(results.Count(r => r.Outcome == RowOutcome.Imported), results.Count(r => r.Outcome == RowOutcome.Updated),
            results.Count(r => r.Outcome == RowOutcome.Unchanged), results.Count(r => r.Outcome == RowOutcome.Rejected), results, errors);
    }

    /// <summary>The row over the stored facility (blank cells keep stored values; columns the template lacks are kept).</summary>
    private static FacilityInput Parse(XlsxRows.Row row, Dictionary<string, int> header, FacilityResource? stored, Action<string, string> error)
    {
        string? Text(string column) => Cell(row, header, column);
        var input = stored is null ? new FacilityInput() : FacilityInput.From(stored) with { Status = null };

        FacilityType? type = input.Type;
        if (Text(T.Type) is { } typeText)
        {
            if (T.TypeWords.TryGetValue(typeText, out var t)) type = t;
            else error(T.Type, $"设施类型应为 {string.Join("、", T.TypeWords.Keys)} 之一，实际为「{typeText}」。");
        }
        OperationMode? mode = input.OperationMode;
        if (Text(T.OperationMode) is { } modeText)
        {
            if (T.ModeWords.TryGetValue(modeText, out var m)) mode = m;
            else error(T.OperationMode, $"运营方式应为 {string.Join("、", T.ModeWords.Keys)} 之一，实际为「{modeText}」。");
        }
        FacilityStatus? status = null;
        if (Text(T.Status) is { } statusText)
        {
            if (T.StatusWords.TryGetValue(statusText, out var st)) status = st;
            else error(T.Status, $"状态应为 {string.Join("、", T.StatusWords.Keys)} 之一，实际为「{statusText}」。");
        }
        var opened = Date(Text(T.OpenedOn), T.OpenedOn, error) ?? input.OpenedOn;
        // 不填状态: 有开业日期的为运营，否则为规划 (for a new facility; a registered one keeps its status).
        if (status is null && stored is null) status = opened is null ? FacilityStatus.Planned : FacilityStatus.Operating;

        var lat = Number(Text(T.Lat), T.Lat, error);
        var lng = Number(Text(T.Lng), T.Lng, error);
        var location = input.Location;
        if (lat is { } la && lng is { } ln) location = new LocationResource(la, ln);
        else if (lat is null != (lng is null)) error(lat is null ? T.Lat : T.Lng, "经纬度请同时填写，或都不填。");

        var beds = input.Beds ?? new BedsResource(0, 0, 0);
        var total = Whole(Text(T.Beds), T.Beds, error);
        var nursing = Whole(Text(T.NursingBeds), T.NursingBeds, error);
        beds = beds with { Total = total ?? beds.Total, Nursing = nursing ?? beds.Nursing };

        return input with
        {
            Code = Text(T.Code) ?? input.Code,
            Name = Text(T.Name) ?? input.Name,
            Type = type,
            RegionCode = Text(T.RegionCode) is { } region ? Whitespace().Replace(region, "") : input.RegionCode,
            Address = Text(T.Address) ?? input.Address,
            Location = location,
            FloorArea = Number(Text(T.FloorArea), T.FloorArea, error) ?? input.FloorArea,
            Beds = beds,
            OpenedOn = opened,
            OperatorName = Text(T.OperatorName) ?? input.OperatorName,
            OpeningHours = Text(T.OpeningHours) ?? input.OpeningHours,
            ServicePhone = Text(T.ServicePhone) ?? input.ServicePhone,
            OperationMode = mode,
            Status = status,
            StatusDate = status == FacilityStatus.Operating ? opened : null,
            Version = null,
        };
    }

    private static async Task<Outcome<List<RowResult>>> WriteAsync(List<Parsed> good, Dictionary<string, FacilityResource> existing, DataScope scope,
        AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var results = new List<RowResult>();
        if (good.Count == 0) return results;
        var now = clock.UtcNow();
        var today = clock.Today();
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var ids = good.Where(g => g.ExistingId is not null).Select(g => g.ExistingId!.Value).ToList();
            var tracked = await db.Facilities.InScope(scope)
                .Include(f => f.StatusHistory)
                .Where(f => ids.Contains(f.Id))
                .ToDictionaryAsync(f => f.Id, ct);
            foreach (var g in good)
            {
                if (g.ExistingId is not { } id)
                {
                    var facility = new Facility { Name = "", RegionCode = "", UnitCode = "", CreatedAt = now, UpdatedAt = now };
                    FacilityValidation.ApplyTo(g.Input, facility);
                    var status = g.Input.Status ?? FacilityStatus.Planned;
                    facility.ChangeStatus(status, g.Input.StatusDate ?? today, now);
                    db.Facilities.Add(facility);
                    results.Add(new RowResult(g.Row, g.Code, facility.Name, RowOutcome.Imported));
                    continue;
                }
                if (!tracked.TryGetValue(id, out var stored))
                    return Outcome<List<RowResult>>.Conflict("导入期间有设施被删除或移出您的范围，未导入任何数据，请重新导入。");
                var before = Snapshot(stored);
                var scratch = new Facility { Name = "", RegionCode = "", UnitCode = "" };
                FacilityValidation.ApplyTo(g.Input, scratch);
                var newStatus = g.Input.Status is { } st && st != stored.Status ? st : (FacilityStatus?)null;
                if (Snapshot(scratch) == before && newStatus is null)
                {
                    results.Add(new RowResult(g.Row, g.Code, stored.Name, RowOutcome.Unchanged));
                    continue;
                }
                FacilityValidation.ApplyTo(g.Input, stored);
                if (newStatus is { } changed) stored.ChangeStatus(changed, g.Input.StatusDate ?? today, now);
                stored.Version++;
                stored.UpdatedAt = now;
                results.Add(new RowResult(g.Row, g.Code, stored.Name, RowOutcome.Updated));
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return results;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome<List<RowResult>>.Conflict("导入期间有设施被他人同时登记或修改（如编号刚被使用），未导入任何数据，请重新导入。");
        }
    }

    /// <summary>The values an import can change, to tell 未变化 from 更新.</summary>
    private static string Snapshot(Facility f) => string.Join('\u001f',
        f.Code, f.Name, f.Type, f.RegionCode, f.Address, f.Latitude?.ToString("R", CultureInfo.InvariantCulture),
        f.Longitude?.ToString("R", CultureInfo.InvariantCulture), f.FloorArea.ToString("R", CultureInfo.InvariantCulture),
        f.Beds.Total, f.Beds.Nursing, f.Beds.DayCare, f.OpenedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f.OperatorName,
        f.OperationMode, string.Join(',', f.Zones), f.MedicalCareMode, f.MedicalPartner,
        f.ColocatedWithHealthStation, f.SmallCommunity, f.HubFacilityId, f.OpeningHours, f.ServicePhone);

    /// <summary>Template column → its index in the file (surrounding spaces, a "*" or "（必填）" ignored).</summary>
    private static Dictionary<string, int> Header(string?[] cells)
    {
        var header = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Length; i++)
            if (cells[i] is { } text && HeaderDecoration().Replace(text, "") is var name && T.Columns.Contains(name)) header.TryAdd(name, i);
        return header;
    }

    private static string? Cell(XlsxRows.Row row, Dictionary<string, int> header, string column) =>
        header.TryGetValue(column, out var i) && i < row.Cells.Length ? row.Cells[i] : null;

    /// <summary>The camelCase field of <see cref="FacilityValidation"/> → the template's column.</summary>
    private static string ColumnOf(string field) => field switch
    {
        "code" => T.Code,
        "name" => T.Name,
        "type" => T.Type,
        "regionCode" => T.RegionCode,
        "address" => T.Address,
        "location.lat" => T.Lat,
        "location.lng" => T.Lng,
        "floorArea" => T.FloorArea,
        "beds.total" => T.Beds,
        "beds.nursing" => T.NursingBeds,
        "openedOn" => T.OpenedOn,
        "operatorName" => T.OperatorName,
        "operationMode" => T.OperationMode,
        "status" or "statusDate" => T.Status,
        "openingHours" => T.OpeningHours,
        "servicePhone" => T.ServicePhone,
        _ => T.Name,
    };

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];

    private static DateOnly? Date(string? text, string column, Action<string, string> error)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        // A date in a cell without a date format arrives as its serial number (days since 1899-12-30).
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 20_000 and < 80_000)
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        error(column, $"{column}「{text}」无法识别，格式应为 YYYY-MM-DD，例如 2019-10-01。");
        return null;
    }

    private static double? Number(string? text, string column, Action<string, string> error)
    {
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
        error(column, $"{column}应为数字，实际为「{text}」。");
        return null;
    }

    private static int? Whole(string? text, string column, Action<string, string> error)
    {
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return v;
        error(column, $"{column}应为整数，实际为「{text}」。");
        return null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9\-]*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\s*\*?\s*|\s*[（(](必填|选填)[)）]\s*$|\s*\*?\s*$")]
    private static partial Regex HeaderDecoration();
}
