using System.Globalization;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Map;

/// <summary>
/// 选址建议的候选楼宇: the existing buildings a district lists as possible sites, from a spreadsheet (ADR 15: bounded,
/// row by row). Columns 名称, 地址, 纬度, 经度, 区划代码 (a community or village, or a street or town, in the user's
/// scope — the scope of a read, ADR 19) and 备注. A row with the name of a listed site of the same region updates it;
/// bad rows are reported cell by cell and skipped, the good ones saved together.
/// </summary>
public static class ImportCandidateSites
{
    public const string Sheet = "候选楼宇";
    public const int MaxRows = 10_000;
    public const int MaxCellLength = 500;
    public const long MaxFileBytes = 10L * 1024 * 1024;

    public const string Name = "名称", Address = "地址", Lat = "纬度", Lng = "经度", RegionCode = "区划代码", Note = "备注";
    public static readonly string[] Columns = [Name, Address, Lat, Lng, RegionCode, Note];

    /// <summary>"第 3 行（纬度）：纬度应为数字。"</summary>
    public sealed record RowError(int Row, string Column, string Message)
    {
        public string Text => $"第 {Row} 行（{Column}）：{Message}";
    }

    public sealed record Result(int Imported, int Updated, int Rejected, IReadOnlyList<RowError> Errors);

    private sealed record Parsed(int Row, string Name, string Address, double Lat, double Lng, string RegionCode, string? Note);

    public static async Task<Outcome<Result>> Handle(Stream xlsx, SpreadsheetLimits limits, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var read = await XlsxRows.ReadUploadAsync(xlsx, limits, Sheet, MaxRows, MaxCellLength, ct);
        if (!read.IsOk) return Outcome<Result>.Invalid(read.Errors!);
        var rows = read.Value!;
        if (rows.Count == 0) return Outcome<Result>.Invalid("file", $"“{Sheet}”工作表是空的，第 1 行应为列名。");
        var header = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows[0].Cells.Length; i++)
            if (rows[0].Cells[i]?.Trim().TrimEnd('*') is { } h && Columns.Contains(h)) header.TryAdd(h, i);
        var missing = Columns.Where(c => c != Note && !header.ContainsKey(c)).ToList();
        if (missing.Count > 0) return Outcome<Result>.Invalid("file", $"“{Sheet}”工作表缺少列：{string.Join("、", missing)}。第 1 行应为列名。");
        if (rows.Count == 1) return Outcome<Result>.Invalid("file", $"“{Sheet}”工作表中没有数据行（从第 2 行起每行一处候选楼宇）。");

        var codes = rows.Skip(1).Select(r => Cell(r, header, RegionCode)).OfType<string>().Distinct().ToList();
        var regions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(500))
            regions.UnionWith(await db.Regions.AsNoTracking().InScope(scope, db).Where(r => chunk.Contains(r.Code) && r.Kind != RegionKind.District)
                .Select(r => r.Code).ToListAsync(ct));

        var errors = new List<RowError>();
        var good = new List<Parsed>();
        var seen = new Dictionary<(string, string), int>();
        var rejected = 0;
        foreach (var row in rows.Skip(1))
        {
            var before = errors.Count;
            void Error(string column, string message) => errors.Add(new RowError(row.Number, column, message));
            var fields = new FieldErrors();
            var name = fields.Text(Cell(row, header, Name), Name, "名称", 100);
            var address = fields.Text(Cell(row, header, Address), Address, "地址", 300);
            var note = fields.Text(Cell(row, header, Note), Note, "备注", 300);
            foreach (var (column, messages) in fields.Entries)
                foreach (var m in messages) Error(column, m);
            if (string.IsNullOrEmpty(name)) Error(Name, "请填写候选楼宇名称。");
            if (string.IsNullOrEmpty(address)) Error(Address, "请填写地址。");
            var lat = Number(Cell(row, header, Lat));
            var lng = Number(Cell(row, header, Lng));
            if (lat is not (>= 3 and <= 54)) Error(Lat, "纬度应为 3 至 54 之间的数字（WGS-84）。");
            if (lng is not (>= 73 and <= 136)) Error(Lng, "经度应为 73 至 136 之间的数字（WGS-84）。");
            var code = Cell(row, header, RegionCode)?.Replace(" ", "", StringComparison.Ordinal);
            if (code is null) Error(RegionCode, "请填写所在村社区或镇街的区划代码。");
            else if (!regions.Contains(code)) Error(RegionCode, $"区划代码 {code} 不存在，或不在您的管辖范围内。");
            if (code is not null && name is not null && errors.Count == before)
            {
                if (seen.TryGetValue((code, name), out var first)) Error(Name, $"与第 {first} 行重复（同一村社区的同名楼宇）。");
                else seen[(code, name)] = row.Number;
            }
            if (errors.Count > before)
            {
                rejected++;
                continue;
            }
            good.Add(new Parsed(row.Number, name!, address!, lat!.Value, lng!.Value, code!, string.IsNullOrEmpty(note) ? null : note));
        }

        var now = clock.UtcNow();
        var goodCodes = good.Select(g => g.RegionCode).Distinct().ToList();
        var stored = (await db.CandidateSites.Where(c => goodCodes.Contains(c.RegionCode)).ToListAsync(ct))
            .ToDictionary(c => (c.RegionCode, c.Name));
        int imported = 0, updated = 0;
        foreach (var g in good)
        {
            if (stored.TryGetValue((g.RegionCode, g.Name), out var site))
            {
                (site.Address, site.Latitude, site.Longitude, site.Note, site.UpdatedAt) = (g.Address, g.Lat, g.Lng, g.Note, now);
                updated++;
                continue;
            }
            db.CandidateSites.Add(new CandidateSite
            {
                Name = g.Name, Address = g.Address, Latitude = g.Lat, Longitude = g.Lng, RegionCode = g.RegionCode, Note = g.Note,
                CreatedAt = now, UpdatedAt = now,
            });
            imported++;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome<Result>.Conflict("导入期间有候选楼宇被他人同时登记，未导入任何数据，请重新导入。");
        }
        return new Result(imported, updated, rejected, errors);
    }

    private static string? Cell(XlsxRows.Row row, Dictionary<string, int> header, string column) =>
        header.TryGetValue(column, out var i) && i < row.Cells.Length && row.Cells[i] is { } s && s.Trim() is { Length: > 0 } t ? t : null;

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
}
