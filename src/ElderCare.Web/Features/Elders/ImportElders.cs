using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Spreadsheets;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Template = ElderCare.Web.Features.Elders.ElderImportTemplate;

namespace ElderCare.Web.Features.Elders;

/// <summary>
/// Bulk registration from a town's spreadsheet, upsert by ID number:
/// <list type="bullet">
/// <item>Every row is checked with the rules of a single registration (<see cref="ElderValidation"/>), plus: the region
/// exists and lies in the user's scope, the ID number appears once in the file, and is not registered in another street
/// or town. Bad rows are reported and skipped; <b>all good rows are written in one transaction</b>, so either all of them
/// are imported or (on a database conflict) none.</item>
/// <item>An ID number registered in scope updates that elder. A blank cell keeps the stored value; a row that would
/// change nothing counts as <c>unchanged</c> and is not written (no new version), so re-importing a file changes nothing.
/// The comparison is on plain values: the stored phones are decrypted, the row is applied to a scratch copy with
/// <see cref="ElderValidation.ApplyTo"/>, and the two are compared field by field (no stored hash, no model change).</item>
/// <item>No query per row: the regions in scope are loaded once, the registry's entries for the ID numbers of each
/// <see cref="CheckChunk"/> rows with one query; inserts go in batches of <see cref="InsertBatch"/>, updates load their
/// elders in batches of <see cref="UpdateBatch"/>.</item>
/// </list>
/// </summary>
public static partial class ImportElders
{
    public const int MaxRows = 200_000;

    /// <summary>The request limit of the import endpoint and page: 100,000 rows are about 5–8 MB.</summary>
    public const long MaxFileBytes = 50L * 1024 * 1024;

    /// <summary>Errors listed in the response (and on the page); the error sheet always holds every rejected row.</summary>
    public const int MaxErrorsListed = 1_000;

    private const int InsertBatch = 5_000;

    /// <summary>Rows checked together against one registry query.</summary>
    private const int CheckChunk = 2_000;
    private const int UpdateBatch = 1_000;

    /// <summary>Who imports: the scope decides which regions and elders the file may touch.</summary>
    public sealed record Importer(DataScope Scope, string UserName, Guid? UserId)
    {
        public static Importer Of(CurrentUser user) => new(user.Scope, user.UserName ?? "", user.Id);
    }

    /// <summary>One problem of one row: the Excel row number (the header is row 1) and the column's header.</summary>
    public sealed record RowError(int Row, string Column, string Message);

    /// <summary>
    /// <c>imported</c> new elders, <c>updated</c> and <c>unchanged</c> registered ones, <c>rejected</c> rows (not imported);
    /// <c>errors</c> lists the first <see cref="MaxErrorsListed"/> problems (<c>errorsTruncated</c> when there are more),
    /// <c>errorSheetUrl</c> the rejected rows as a workbook to correct and import again (kept for one hour).
    /// </summary>
    public sealed record Result(int Imported, int Updated, int Unchanged, int Rejected, IReadOnlyList<RowError> Errors,
        bool ErrorsTruncated, string? ErrorSheetUrl);

    /// <summary>A row that passed every check; <see cref="ExistingId"/> is set when it updates a registered elder.</summary>
    private sealed record GoodRow(ElderInput Input, ElderValidation.Valid Id, Guid? ExistingId);

    private sealed record RejectedRow(int Row, Dictionary<string, string?> Cells, List<RowError> Errors);

    public static async Task<Outcome<Result>> Handle(Stream xlsx, Importer importer, AppDbContext db, FieldProtector protector,
        ElderOptions options, SpreadsheetLimits limits, TimeProvider clock, IMemoryCache errorSheets, CancellationToken ct)
    {
        var today = clock.Today();
        // The shared reader refuses a file over the limits (zip bomb, huge cell, too many rows or columns, DOCTYPE) first.
        var opened = await SpreadsheetReader.OpenAsync(xlsx, limits, ct);
        if (!opened.IsOk) return Outcome<Result>.Invalid(opened.Errors!);
        using var workbook = opened.Value!;
        var names = workbook.SheetNames;
        var sheet = names.Contains(Template.DataSheet)
            ? Template.DataSheet
            : names.FirstOrDefault(n => n is not (Template.NotesSheet or Template.ExampleSheet)) ?? Template.DataSheet;

        var regions = await Registry.RegionsAsync(importer.Scope, db, ct);
        var good = new List<GoodRow>();
        var rejected = new List<RejectedRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        Dictionary<string, string>? header = null;
        var rowNo = 1; // the header is row 1
        var rows = 0;
        var pending = new List<(int RowNo, Dictionary<string, string?> Row, IDictionary<string, object?> Cells)>(CheckChunk);
        // Rows are checked a chunk at a time, with the registry entries of that chunk's ID numbers only (one query).
        async Task CheckPendingAsync()
        {
            var numbers = pending.Select(p => IdNumber.Parse(Compact(p.Row[Template.IdNumber]), today)).Where(p => p.IsValid)
                .Select(p => p.Number!);
            var registry = await Registry.LoadAsync(regions, numbers, importer.Scope, db, protector, ct);
            foreach (var (no, row, cells) in pending)
            {
                var (input, id, existing, errors) = await CheckAsync(
                    no, row, cells, header!, registry, seen, importer, db, options, today, ct);
                if (errors.Count > 0) rejected.Add(new RejectedRow(no, row, errors));
                else good.Add(new GoodRow(input, id!, existing));
            }
            pending.Clear();
        }
        using var reader = workbook.Rows(sheet).GetEnumerator();
        while (true)
        {
            IDictionary<string, object?> cells;
            try
            {
                if (!reader.MoveNext()) break;
                cells = reader.Current;
            }
            catch (Exception e) when (SpreadsheetReader.IsBroken(e))
            {
                return Outcome<Result>.Invalid("file", $"无法读取“{sheet}”工作表第 {rowNo + 1} 行附近的内容，文件可能已损坏，请在 Excel 中另存为 .xlsx 后重试。");
            }
            rowNo++;
            if (header is null)
            {
                header = Header(cells.Keys);
                var missing = Template.Columns.Where(c => Template.Required.Contains(c) && !header.ContainsKey(c)).ToList();
                if (missing.Count > 0)
                    return Outcome<Result>.Invalid("file", $"“{sheet}”工作表缺少列：{string.Join("、", missing)}。请使用下载的模板，第 1 行为列名。");
            }
            var row = Read(cells, header);
            if (row.Values.All(v => v is null)) continue;
            if (++rows > MaxRows)
                return Outcome<Result>.Invalid("file", $"文件超过 {MaxRows:N0} 行，请分批导入。");
            if (rows % 1_000 == 0) ct.ThrowIfCancellationRequested();
            pending.Add((rowNo, row, cells));
            if (pending.Count == CheckChunk) await CheckPendingAsync();
        }
        await CheckPendingAsync();
        if (rows == 0) return Outcome<Result>.Invalid("file", $"“{sheet}”工作表中没有数据行（第 1 行为列名，从第 2 行起每行一位老年人）。");

        var written = await WriteAsync(good, importer, db, protector, clock, ct);
        if (!written.IsOk) return Outcome<Result>.Conflict(written.Message!);

        var errorList = rejected.SelectMany(r => r.Errors).ToList();
        string? url = null;
        if (rejected.Count > 0)
        {
            var sheetBytes = Template.ErrorSheet(rejected.Select(r =>
            {
                r.Cells[Template.ErrorColumn] = $"原表第 {r.Row} 行：" + string.Join("；", r.Errors.Select(e => $"{e.Column}：{e.Message}"));
                return (IReadOnlyDictionary<string, string?>)r.Cells;
            }), today, options.MinimumAge);
            url = ElderImportErrorSheets.Url(ElderImportErrorSheets.Keep(errorSheets, importer.UserId, sheetBytes));
        }
        var (imported, updated, unchanged) = written.Value;
        return new Result(imported, updated, unchanged, rejected.Count, errorList.Take(MaxErrorsListed).ToList(),
            errorList.Count > MaxErrorsListed, url);
    }

    /// <summary>
    /// The regions the user may file elders under (loaded once), and for one chunk's ID numbers their blind indexes
    /// (<see cref="IndexOf"/>, computed once) and the registered elders among them (one query per chunk, never the whole
    /// registry: a city holds millions).
    /// </summary>
    private sealed record Registry(IReadOnlyDictionary<string, RegionKind> Regions, IReadOnlyDictionary<string, string> IndexOf,
        IReadOnlyDictionary<string, Guid> InScope, IReadOnlySet<string> Elsewhere)
    {
        public static async Task<IReadOnlyDictionary<string, RegionKind>> RegionsAsync(DataScope scope, AppDbContext db, CancellationToken ct) =>
            scope.RegionPrefix is not { } prefix
                ? new Dictionary<string, RegionKind>()
                : await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(prefix)).ToDictionaryAsync(r => r.Code, r => r.Kind, ct);

        public static async Task<Registry> LoadAsync(IReadOnlyDictionary<string, RegionKind> regions, IEnumerable<string> numbers,
            DataScope scope, AppDbContext db, FieldProtector protector, CancellationToken ct)
        {
            var indexOf = numbers.Distinct(StringComparer.Ordinal).ToDictionary(n => n, n => protector.BlindIndex(n)!, StringComparer.Ordinal);
            var indexes = indexOf.Values.ToList();
            var chunk = db.Elders.AsNoTracking().Where(e => indexes.Contains(e.IdNumberIndex));
            var inScope = await chunk.InScope(scope, db).Select(e => new { e.IdNumberIndex, e.Id })
                .ToDictionaryAsync(e => e.IdNumberIndex, e => e.Id, StringComparer.Ordinal, ct);
            // A town officer must not overwrite, nor register a second time, an elder of another street or town.
            var elsewhere = scope.Kind switch
            {
                ScopeKind.District => new HashSet<string>(),
                ScopeKind.Unit => (await chunk.Where(e => e.UnitCode != scope.RegionCode).Select(e => e.IdNumberIndex).ToListAsync(ct))
                    .ToHashSet(StringComparer.Ordinal),
                _ => (await chunk.Select(e => e.IdNumberIndex).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal),
            };
            return new Registry(regions, indexOf, inScope, elsewhere);
        }
    }

    /// <summary>
    /// All the checks of one row. The per-elder rules run through <see cref="ElderValidation.ValidateAsync"/> with the
    /// region left out (it would query the database); the region is checked here against the preloaded set.
    /// </summary>
    private static async Task<(ElderInput Input, ElderValidation.Valid? Id, Guid? Existing, List<RowError> Errors)> CheckAsync(int rowNo,
        Dictionary<string, string?> row, IDictionary<string, object?> cells, Dictionary<string, string> header, Registry registry,
        Dictionary<string, int> seen, Importer importer, AppDbContext db, ElderOptions options, DateOnly today,
        CancellationToken ct)
    {
        var errors = new List<RowError>();
        void Error(string column, string message) => errors.Add(new RowError(rowNo, column, message));

        // An 18-digit number typed into a General cell is stored as a double: its last digits are gone.
        var lostDigits = header.TryGetValue(Template.IdNumber, out var idKey) && cells.TryGetValue(idKey, out var idCell)
            && idCell is double d && Math.Abs(d) >= 1e15;
        if (lostDigits) Error(Template.IdNumber, "身份证号被 Excel 存成了数字（如 5.00153E+17），末几位已丢失。请把该列设为文本格式，重新填写号码。");

        var living = row[Template.Living] is { } livingText ? Living(livingText, Error) : null;
        var categories = row[Template.Categories] is { } categoryText ? CategoryList(categoryText, Error) : null;
        var consentOn = ConsentDate(cells, header, row[Template.ConsentOn], Error);
        var contact = row[Template.ContactName] is null && row[Template.ContactRelation] is null && row[Template.ContactPhone] is null
            ? null
            : new ContactInput(row[Template.ContactName], row[Template.ContactRelation], Compact(row[Template.ContactPhone]));
        var input = new ElderInput
        {
            Name = row[Template.Name],
            IdNumber = Compact(row[Template.IdNumber]),
            Phone = Compact(row[Template.Phone]),
            Address = row[Template.Address],
            RegionCode = null, // checked below, without a query
            LivingArrangement = living,
            Categories = categories,
            EmergencyContacts = contact is null ? null : [contact],
            FamilyDoctor = row[Template.DoctorName] is null && row[Template.DoctorInstitution] is null
                ? null
                : new FamilyDoctorResource(row[Template.DoctorName], row[Template.DoctorInstitution], null),
            Consent = new ConsentInput(row[Template.ConsentBasis], consentOn),
        };

        var textErrors = new FieldErrors();
        input = ElderValidation.CleanText(input, textErrors);
        var (fieldErrors, id) = await ElderValidation.ValidateAsync(input, importer.Scope, db, options, today, ct);
        fieldErrors.MergeInto(textErrors);
        fieldErrors = textErrors;
        if (lostDigits) id = null;
        string? index = null;
        if (id is not null)
        {
            index = registry.IndexOf[id.IdNumber]; // the same number the chunk's lookup parsed
            if (seen.TryGetValue(id.IdNumber, out var first))
                Error(Template.IdNumber, $"与第 {first} 行的身份证号重复，同一老年人只能填写一行。");
            else
            {
                seen[id.IdNumber] = rowNo;
                if (registry.Elsewhere.Contains(index)) Error(Template.IdNumber, "该身份证号已在其他镇街登记，如需转入请联系区民政局。");
            }
        }
        Guid? existing = index is not null && registry.InScope.TryGetValue(index, out var found) ? found : null;

        // A blank required cell is an error only for a new elder: for a registered one it keeps the stored value.
        foreach (var column in Template.Required.Where(c => row[c] is null))
            if (existing is null || column == Template.IdNumber) Error(column, $"请填写{column}。");

        foreach (var (field, messages) in fieldErrors.Entries)
        {
            var column = ColumnOf(field);
            if (column is null || errors.Any(e => e.Column == column) || (Template.Required.Contains(column) && row[column] is null)) continue;
            foreach (var message in messages) Error(column, message);
        }

        if (row[Template.RegionCode] is { } regionText)
        {
            var code = Compact(regionText)!;
            if (!registry.Regions.TryGetValue(code, out var kind) || !importer.Scope.Covers(code))
                Error(Template.RegionCode, $"区域代码 {code} 不存在或不在您管辖的范围内。");
            else if (kind == RegionKind.District)
                Error(Template.RegionCode, "请填写到社区、村（12 位），或至少到街道、镇（9 位）。");
            else input = input with { RegionCode = code };
        }

        return (input, errors.Count == 0 ? id : null, existing, errors.OrderBy(e => Order(e.Column)).ToList());
    }

    /// <summary>Writes the good rows in one transaction; counts (imported, updated, unchanged), or a conflict message.</summary>
    private static async Task<Outcome<(int Imported, int Updated, int Unchanged)>> WriteAsync(List<GoodRow> good, Importer importer,
        AppDbContext db, FieldProtector protector, TimeProvider clock, CancellationToken ct)
    {
        if (good.Count == 0) return (0, 0, 0);
        var today = clock.Today();
        var now = clock.UtcNow();
        int imported = 0, updated = 0, unchanged = 0;
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var batch in good.Where(g => g.ExistingId is null).Chunk(InsertBatch))
            {
                db.Elders.AddRange(batch.Select(g =>
                {
                    var elder = new Elder
                    {
                        Name = "", IdNumberProtected = "", IdNumberIndex = "", RegionCode = "", UnitCode = "", ConsentBasis = "",
                        ConsentRecordedBy = importer.UserName, Status = ElderStatus.Active, StatusOn = today, CreatedAt = now, UpdatedAt = now,
                    };
                    ElderValidation.ApplyTo(g.Input, g.Id, elder, protector, importer.UserName, today);
                    return elder;
                }));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                imported += batch.Length;
            }
            foreach (var batch in good.Where(g => g.ExistingId is not null).Chunk(UpdateBatch))
            {
                var ids = batch.Select(g => g.ExistingId!.Value).ToArray();
                var elders = await db.Elders.InScope(importer.Scope, db).Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
                if (elders.Count != ids.Length)
                {
                    db.ChangeTracker.Clear();
                    return Outcome<(int, int, int)>.Conflict("导入期间有老年人记录被删除或移出您的范围，未导入任何数据，请重新导入。");
                }
                foreach (var g in batch)
                {
                    var elder = elders[g.ExistingId!.Value];
                    var input = Merge(g.Input, elder, protector);
                    var scratch = new Elder
                    {
                        Name = "", IdNumberProtected = "", IdNumberIndex = "", RegionCode = "", UnitCode = "",
                        ConsentBasis = elder.ConsentBasis, ConsentOn = elder.ConsentOn, ConsentRecordedBy = elder.ConsentRecordedBy,
                    };
                    ElderValidation.ApplyTo(input, g.Id, scratch, protector, importer.UserName, today);
                    if (Snapshot(scratch, protector) == Snapshot(elder, protector))
                    {
                        unchanged++;
                        continue;
                    }
                    ElderValidation.ApplyTo(input, g.Id, elder, protector, importer.UserName, today);
                    elder.Version++;
                    elder.UpdatedAt = now;
                    updated++;
                }
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            await tx.CommitAsync(ct);
            return (imported, updated, unchanged);
        }
        catch (DbUpdateException)
        {
            // Someone registered or changed one of these elders meanwhile (unique blind index, version): nothing is kept.
            db.ChangeTracker.Clear();
            return Outcome<(int, int, int)>.Conflict("导入期间有老年人被他人同时登记或修改，未导入任何数据，请重新导入。");
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>
    /// The row applied over the stored elder: blank cells keep stored values; the emergency contact (three columns) and
    /// the family doctor (two) are groups that replace the first contact or the doctor as a whole. Fields the template has
    /// no column for (location, further contacts, signing date of an unchanged doctor) are kept.
    /// </summary>
    private static ElderInput Merge(ElderInput row, Elder stored, FieldProtector protector)
    {
        var contacts = stored.EmergencyContacts.Select(c => new ContactInput(c.Name, c.Relation, protector.Unprotect(c.PhoneProtected))).ToList();
        if (row.EmergencyContacts is [var first])
        {
            if (contacts.Count == 0) contacts.Add(first);
            else contacts[0] = first;
        }
        var doctor = row.FamilyDoctor is { } d
            ? d with
            {
                Since = d.Name?.Trim() == stored.FamilyDoctorName && d.Institution?.Trim() == stored.FamilyDoctorInstitution
                    ? stored.FamilyDoctorSince
                    : null,
            }
            : new FamilyDoctorResource(stored.FamilyDoctorName, stored.FamilyDoctorInstitution, stored.FamilyDoctorSince);
        return row with
        {
            Name = row.Name ?? stored.Name,
            Phone = row.Phone ?? protector.Unprotect(stored.PhoneProtected),
            Address = row.Address ?? stored.Address,
            Location = stored.Latitude is { } lat && stored.Longitude is { } lng ? new LocationResource(lat, lng) : null,
            RegionCode = row.RegionCode ?? stored.RegionCode,
            LivingArrangement = row.LivingArrangement ?? stored.LivingArrangement,
            Categories = row.Categories ?? stored.Categories,
            EmergencyContacts = contacts,
            FamilyDoctor = doctor,
            Consent = new ConsentInput(row.Consent?.Basis ?? stored.ConsentBasis, row.Consent?.On),
        };
    }

    /// <summary>The plain values an import can change (phones decrypted; the ID number is equal by its blind index).</summary>
    private static string Snapshot(Elder e, FieldProtector protector) => string.Join('\u001f',
        e.Name, Iso(e.BirthDate), e.Sex, protector.Unprotect(e.PhoneProtected), e.Address,
        e.Latitude?.ToString("R", CultureInfo.InvariantCulture), e.Longitude?.ToString("R", CultureInfo.InvariantCulture),
        e.RegionCode, e.UnitCode, e.LivingArrangement, string.Join(',', e.Categories.Order()),
        string.Join('\u001e', e.EmergencyContacts.Select(c => $"{c.Name}\u001d{c.Relation}\u001d{protector.Unprotect(c.PhoneProtected)}")),
        e.FamilyDoctorName, e.FamilyDoctorInstitution, e.FamilyDoctorSince is { } since ? Iso(since) : "",
        e.ConsentBasis, Iso(e.ConsentOn), e.ConsentRecordedBy);

    private static readonly Dictionary<string, int> ColumnOrder = Template.Columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);

    private static int Order(string column) => ColumnOrder.GetValueOrDefault(column, int.MaxValue);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Template column → the header as written in the file (surrounding spaces, a "*" or "（必填）" ignored).</summary>
    private static Dictionary<string, string> Header(IEnumerable<string> keys)
    {
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var name = HeaderDecoration().Replace(key, "");
            if (Template.Columns.Contains(name)) header.TryAdd(name, key);
        }
        return header;
    }

    /// <summary>The row's cells as text, by template column; blank is null.</summary>
    private static Dictionary<string, string?> Read(IDictionary<string, object?> cells, Dictionary<string, string> header)
    {
        var row = new Dictionary<string, string?>(Template.Columns.Count + 1, StringComparer.Ordinal);
        foreach (var column in Template.Columns)
            row[column] = header.TryGetValue(column, out var key) && cells.TryGetValue(key, out var v) ? Text(v) : null;
        return row;
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        double d => d.ToString("0.###############", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero
            ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } s ? s.Trim() : null,
    };

    /// <summary>ID numbers, phones and codes copied from other systems often carry spaces inside.</summary>
    private static string? Compact(string? text) => text is null ? null : Whitespace().Replace(text, "");

    private static LivingArrangement? Living(string text, Action<string, string> error)
    {
        if (Template.LivingWords.TryGetValue(Whitespace().Replace(text, ""), out var living)) return living;
        error(Template.Living, $"居住情况应为 {Template.LivingChoices} 之一，实际为「{text}」。");
        return null;
    }

    private static List<ElderCategory>? CategoryList(string text, Action<string, string> error)
    {
        if (text == Template.NoCategory) return [];
        var categories = new List<ElderCategory>();
        foreach (var word in CategorySeparators().Split(text).Where(w => w.Length > 0))
        {
            if (Template.CategoryWords.TryGetValue(word, out var c))
            {
                if (!categories.Contains(c)) categories.Add(c);
            }
            else error(Template.Categories, $"类别「{word}」无法识别，可填：{Template.CategoryChoices}，多个用“、”分隔；都不属于填“{Template.NoCategory}”。");
        }
        return categories;
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];

    /// <summary>A date cell (read as a date), or text in one of the usual ways of writing a date.</summary>
    private static DateOnly? ConsentDate(
        IDictionary<string, object?> cells, Dictionary<string, string> header, string? text, Action<string, string> error)
    {
        if (text is null) return null;
        if (header.TryGetValue(Template.ConsentOn, out var key) && cells.TryGetValue(key, out var v))
        {
            if (v is DateTime t) return DateOnly.FromDateTime(t);
            // A date in a cell without a date format arrives as its serial number (days since 1899-12-30).
            if (v is double serial && serial is > 20_000 and < 80_000 && serial == Math.Floor(serial))
                return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        error(Template.ConsentOn, $"同意日期「{text}」无法识别，格式应为 YYYY-MM-DD，例如 2026-11-01。");
        return null;
    }

    /// <summary>The camelCase field of <see cref="ElderValidation"/> → the template's column (null: not reported here).</summary>
    private static string? ColumnOf(string field) => field switch
    {
        "name" => Template.Name,
        "idNumber" => Template.IdNumber,
        "phone" => Template.Phone,
        "address" => Template.Address,
        "livingArrangement" => Template.Living,
        "categories" => Template.Categories,
        "emergencyContacts[0].name" => Template.ContactName,
        "emergencyContacts[0].relation" => Template.ContactRelation,
        "emergencyContacts[0].phone" => Template.ContactPhone,
        "familyDoctor.name" => Template.DoctorName,
        "familyDoctor.institution" => Template.DoctorInstitution,
        "consent.basis" => Template.ConsentBasis,
        "consent.on" => Template.ConsentOn,
        "regionCode" => null,
        _ => "",
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[、,，;；/\s]+")]
    private static partial Regex CategorySeparators();

    [GeneratedRegex(@"^\s*\*?\s*|\s*[（(](必填|选填)[)）]\s*$|\s*\*?\s*$")]
    private static partial Regex HeaderDecoration();
}

/// <summary>
/// Error sheets of recent imports, kept in this node's memory for one hour under a random token that only the user who
/// imported can redeem. Behind a load balancer the download must reach the same node (sticky sessions), or the sheet
/// is gone and the user imports again to get it; nothing personal is written to disk.
/// </summary>
public static class ElderImportErrorSheets
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private sealed record Entry(Guid? UserId, byte[] Bytes);

    public static string Url(string token) => $"/api/elders/import/errors/{token}.xlsx";

    public static string Keep(IMemoryCache cache, Guid? userId, byte[] xlsx)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        cache.Set(Key(token), new Entry(userId, xlsx),
            new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = xlsx.Length });
        return token;
    }

    public static byte[]? Find(IMemoryCache cache, string token, Guid? userId) =>
        userId is not null && cache.TryGetValue(Key(token), out Entry? entry) && entry is not null && entry.UserId == userId ? entry.Bytes : null;

    private static string Key(string token) => "elders.import.errors:" + token;
}
