using System.Globalization;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Shared;

/// <summary>An exported list: the workbook, its file name and how many rows it holds.</summary>
public sealed record ExportFile(byte[] Content, string FileName, int Rows)
{
    public string ContentType => SpreadsheetWriter.ContentType;
}

/// <summary>
/// What every list export shares (ADR 6 masking, QUALITY.md S6 audit): the filtered, sorted rows of the list's own
/// query, all pages, at most <see cref="MaxRows"/> (more is refused with a message, never cut short silently); the
/// personal data masked unless the user holds the unmask permission; one audit entry naming the list and the filter.
/// </summary>
public static class ListExport
{
    public const int MaxRows = 5_000;

    public const string Action = "list.export";

    public static string TooMany(int total, int max = MaxRows) =>
        $"筛选结果共 {total.ToString("N0", CultureInfo.InvariantCulture)} 条，超过单次导出上限 {max.ToString("N0", CultureInfo.InvariantCulture)} 条，"
        + "请缩小筛选范围后再导出。";

    /// <summary>
    /// Applies the list's <paramref name="filter"/> (its field errors refuse the export), counts the rows, refuses above
    /// the cap, reads them in the list's <paramref name="sort"/> order through <paramref name="read"/>, writes one sheet
    /// and the audit entry.
    /// </summary>
    public static async Task<Outcome<ExportFile>> Write<TSource, TRow>(string list, string title, object query,
        Func<FieldErrors, IQueryable<TSource>> filter, Func<IQueryable<TSource>, IOrderedQueryable<TSource>> sort,
        Func<IQueryable<TSource>, CancellationToken, Task<List<TRow>>> read, Func<TRow, IReadOnlyDictionary<string, object?>> columns,
        bool unmasked, CurrentUser user, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var found = await RowsAsync(MaxRows, filter, sort, read, ct);
        if (found.Value is not { } rows) return Outcome<ExportFile>.Invalid(found.Errors!);
        var bytes = SpreadsheetWriter.Xlsx(title, rows.Select(columns));
        await audit.AppendAsync(new AuditRecord(user.Id, user.UserName, Action, list, AuditOutcome.Success, user.Address,
            Describe(query, rows.Count, unmasked)));
        return new ExportFile(bytes, $"{title}-{clock.Today().ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx", rows.Count);
    }

    /// <summary>
    /// A register the API exports as it stands (督导问题整改台账, 任务清单): the list's <paramref name="filter"/> (its field
    /// errors refuse the export), every row in the register's <paramref name="sort"/> order read through
    /// <paramref name="read"/> — more than <paramref name="max"/> is refused, never cut short — one sheet; no audit entry
    /// and no file name (the endpoint names the file).
    /// </summary>
    public static async Task<Outcome<byte[]>> Sheet<TSource, TRow>(string title, int max, Func<FieldErrors, IQueryable<TSource>> filter,
        Func<IQueryable<TSource>, IOrderedQueryable<TSource>> sort, Func<IQueryable<TSource>, CancellationToken, Task<List<TRow>>> read,
        Func<TRow, IReadOnlyDictionary<string, object?>> columns, CancellationToken ct)
    {
        var rows = await RowsAsync(max, filter, sort, read, ct);
        return rows.Value is { } list ? SpreadsheetWriter.Xlsx(title, list.Select(columns)) : Outcome<byte[]>.Invalid(rows.Errors!);
    }

    /// <summary>The export's rows: the filter (its field errors refuse), the count against the cap, then every row in order.</summary>
    private static async Task<Outcome<List<TRow>>> RowsAsync<TSource, TRow>(int max, Func<FieldErrors, IQueryable<TSource>> filter,
        Func<IQueryable<TSource>, IOrderedQueryable<TSource>> sort, Func<IQueryable<TSource>, CancellationToken, Task<List<TRow>>> read,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var filtered = filter(errors);
        if (errors.Any) return Outcome<List<TRow>>.Invalid(errors);
        var total = await filtered.CountAsync(ct);
        if (total > max) return Outcome<List<TRow>>.Invalid("export", TooMany(total, max));
        return await read(sort(filtered), ct);
    }

    /// <summary>The audit detail: the filter as given (fields with a value), the row count, and whether personal data was in full.</summary>
    public static string Describe(object query, int rows, bool unmasked)
    {
        var given = query.GetType().GetProperties()
            .Where(p => p.Name is not ("Page" or "PageSize"))
            .Select(p => (p.Name, Value: p.GetValue(query)))
            .Where(x => x.Value is not null && (x.Value is not string s || !string.IsNullOrWhiteSpace(s)))
            .Select(x => $"{char.ToLowerInvariant(x.Name[0])}{x.Name[1..]}={Format(x.Value)}");
        var filter = string.Join(", ", given);
        return $"筛选：{(filter.Length == 0 ? "无" : filter)}；{rows} 行；个人信息{(unmasked ? "完整（有查看权限）" : "脱敏")}";
    }

    private static string? Format(object? value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString(),
    };
}

/// <summary>The export link above a list (partial <c>_ExportBar</c>): the link, or why the rows are too many to export.</summary>
public sealed record ExportBar(string Url, int Total)
{
    public bool TooMany => Total > ListExport.MaxRows;
}
