using System.Globalization;

namespace ElderCare.Web.Infrastructure.Spreadsheets;

/// <summary>
/// How the region and facility imports read a workbook (ADR 0021): a sheet as rows of cell text, the header row
/// included, each with its Excel row number, from a workbook <see cref="SpreadsheetReader.OpenAsync"/> has opened (the
/// bounded streaming check every upload passes, ADR 0015); rows are bounded again in number and cell length.
/// </summary>
public static class XlsxRows
{
    /// <summary>One row: its Excel row number (1-based) and its cells by column (A = 0); blank cells are null.</summary>
    public sealed record Row(int Number, string?[] Cells);

    /// <summary>An unreadable workbook, or one over the limits; the message is for the user.</summary>
    public sealed class Unreadable(string message) : Exception(message);

    /// <summary>
    /// An upload opened with the bounded check and read as <see cref="Read"/> does: the rows, or what is wrong with the
    /// file as errors on the <c>file</c> field.
    /// </summary>
    public static async Task<Errors.Outcome<List<Row>>> ReadUploadAsync(Stream xlsx, SpreadsheetLimits limits, string sheet, int maxRows,
        int maxCellLength, CancellationToken ct)
    {
        var opened = await SpreadsheetReader.OpenAsync(xlsx, limits, ct);
        if (!opened.IsOk) return Errors.Outcome<List<Row>>.Invalid(opened.Errors!);
        try
        {
            using var workbook = opened.Value!;
            return Read(workbook, sheet, maxRows, maxCellLength);
        }
        catch (Unreadable e)
        {
            return Errors.Outcome<List<Row>>.Invalid("file", e.Message);
        }
    }

    /// <summary>
    /// The rows of <paramref name="sheet"/> (or of the first sheet when it is absent), at most <paramref name="maxRows"/>
    /// non-blank ones after the header. A cell longer than <paramref name="maxCellLength"/> is cut to that length plus
    /// one character, so every length check downstream still refuses it. Throws <see cref="Unreadable"/>.
    /// </summary>
    public static List<Row> Read(SpreadsheetReader workbook, string? sheet, int maxRows, int maxCellLength)
    {
        try
        {
            var name = sheet is not null && workbook.SheetNames.Contains(sheet) ? sheet : workbook.SheetNames.FirstOrDefault()
                ?? throw new Unreadable("工作簿中没有工作表。");
            var rows = new List<Row>();
            var number = 0;
            var nonBlank = 0;
            foreach (var cells in workbook.RowsByColumn(name))
            {
                number++;
                var width = cells.Count;
                var row = new string?[width];
                var i = 0;
                foreach (var value in cells.Values)
                {
                    var text = Text(value);
                    row[i++] = text is { Length: var n } && n > maxCellLength ? text[..(maxCellLength + 1)] : text;
                }
                if (row.All(c => c is null)) continue;
                if (++nonBlank > maxRows + 1) throw new Unreadable($"文件超过 {maxRows:N0} 行，请分批导入。");
                rows.Add(new Row(number, row));
            }
            return rows;
        }
        catch (Exception e) when (SpreadsheetReader.IsBroken(e))
        {
            throw new Unreadable(SpreadsheetReader.NotAWorkbook);
        }
    }

    /// <summary>"A", "B", … "AA" for a 0-based column index.</summary>
    public static string Column(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        double d => d.ToString("0.###############", CultureInfo.InvariantCulture),
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } s ? s.Trim() : null,
    };
}
