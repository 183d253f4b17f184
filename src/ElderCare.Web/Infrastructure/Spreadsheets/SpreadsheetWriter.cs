using System.Data;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace ElderCare.Web.Infrastructure.Spreadsheets;

/// <summary>
/// The one way the app writes a workbook (every .xlsx export, the import template and its error sheet): each text
/// value of each row goes through <see cref="SpreadsheetText.Neutralise"/>, so no exported cell can become a formula
/// when the file is re-saved as CSV. Sheets are lists of rows (column → value) or header-only tables.
/// </summary>
public static class SpreadsheetWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>One sheet.</summary>
    public static byte[] Xlsx(string sheetName, IEnumerable<IReadOnlyDictionary<string, object?>> rows, OpenXmlConfiguration? configuration = null) =>
        Xlsx(new Dictionary<string, object> { [sheetName] = rows }, configuration);

    /// <summary>
    /// Several sheets, in order; a sheet is rows (<c>IEnumerable</c> of <c>IReadOnlyDictionary&lt;string, object?&gt;</c>)
    /// or a <see cref="DataTable"/> (its rows are neutralised too).
    /// </summary>
    public static byte[] Xlsx(IReadOnlyDictionary<string, object> sheets, OpenXmlConfiguration? configuration = null)
    {
        var safe = new Dictionary<string, object>();
        foreach (var (name, sheet) in sheets)
            safe[name] = sheet switch
            {
                DataTable table => Neutralised(table),
                IEnumerable<IReadOnlyDictionary<string, object?>> rows => rows.Select(Neutralised).ToList(),
                _ => throw new ArgumentException($"Sheet {name}: rows of column → value expected.", nameof(sheets)),
            };
        using var stream = new MemoryStream();
        stream.SaveAs(safe, configuration: configuration);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Neutralised(IReadOnlyDictionary<string, object?> row)
    {
        var copy = new Dictionary<string, object?>(row.Count, StringComparer.Ordinal);
        foreach (var (column, value) in row) copy[column] = SpreadsheetText.Neutralise(value);
        return copy;
    }

    private static DataTable Neutralised(DataTable table)
    {
        var copy = table.Copy();
        foreach (DataRow row in copy.Rows)
            for (var i = 0; i < copy.Columns.Count; i++)
                if (row[i] is string s) row[i] = SpreadsheetText.Neutralise(s);
        return copy;
    }
}
