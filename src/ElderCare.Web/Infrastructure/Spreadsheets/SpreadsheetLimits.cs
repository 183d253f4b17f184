using System.ComponentModel.DataAnnotations;

namespace ElderCare.Web.Infrastructure.Spreadsheets;

/// <summary>
/// Bounds of an uploaded workbook (configuration section <c>Spreadsheets</c>), checked by <see cref="SpreadsheetReader"/>
/// while it streams the file, before any import reads a row. The defaults take an elder import of 200,000 rows of the
/// template (100,000 rows are about 60 MB of sheet XML) and stop a zip bomb at the first byte over a bound.
/// </summary>
public sealed class SpreadsheetLimits
{
    /// <summary>Inflated size of any one part of the zip (a sheet, the shared strings, styles…), in bytes.</summary>
    [Range(1d, 17_179_869_184d)] // 16 GB
    public long MaxPartBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Characters of any one cell (any text of any part); Excel's own limit is 32,767.</summary>
    [Range(1, int.MaxValue)]
    public int MaxCellChars { get; set; } = 4_000;

    /// <summary>Rows of one sheet below its header row, counting every row that holds a cell, in any column.</summary>
    [Range(1, int.MaxValue)]
    public int MaxRows { get; set; } = 200_000;

    /// <summary>Columns of one sheet (by the cells' references and by the cells of a row).</summary>
    [Range(1, int.MaxValue)]
    public int MaxColumns { get; set; } = 200;

    /// <summary>Parts (files) in the zip.</summary>
    [Range(1, int.MaxValue)]
    public int MaxParts { get; set; } = 1_000;
}
