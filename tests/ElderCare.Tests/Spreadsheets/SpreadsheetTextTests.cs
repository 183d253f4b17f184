using System.Data;
using ElderCare.Web.Infrastructure.Spreadsheets;
using MiniExcelLibs;

namespace ElderCare.Tests.Spreadsheets;

/// <summary>
/// The export rule (OWASP, CSV injection): "a cell that begins with =, +, -, @, tab (0x09) or carriage return (0x0D)
/// is prefixed with a single quote", so a workbook re-saved as CSV cannot turn it into a formula; imports remove that
/// one quote again.
/// </summary>
public class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"点此\")", "'=HYPERLINK(\"http://evil.example\",\"点此\")")]
    [InlineData("+86 13800000000", "'+86 13800000000")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=cmd|' /C calc'!A0", "'\t=cmd|' /C calc'!A0")]
    [InlineData("\r=1", "'\r=1")]
    public void A_value_beginning_with_a_formula_character_gets_one_leading_quote(string value, string exported) =>
        Assert.Equal(exported, SpreadsheetText.Neutralise(value));

    [Theory]
    [InlineData("")]
    [InlineData("张秀英")]
    [InlineData("a=b")]
    [InlineData(" =1")] // Excel reads a leading space as text
    [InlineData("'abc")]
    [InlineData("023-46731234")]
    public void Other_text_is_written_as_it_is(string value) => Assert.Equal(value, SpreadsheetText.Neutralise(value));

    [Fact]
    public void Numbers_and_dates_are_not_text_and_stay_as_they_are()
    {
        Assert.Equal(-5d, SpreadsheetText.Neutralise((object?)-5d));
        Assert.Null(SpreadsheetText.Neutralise((object?)null));
        Assert.Equal(new DateTime(2026, 11, 1), SpreadsheetText.Neutralise((object?)new DateTime(2026, 11, 1)));
    }

    [Theory]
    [InlineData("'=1+1", "=1+1")]
    [InlineData("'@SUM(A1)", "@SUM(A1)")]
    [InlineData("''=x", "'=x")] // only the one quote the export added
    [InlineData("'abc", "'abc")] // a quote the user typed before ordinary text stays
    [InlineData("'", "'")]
    [InlineData("=1", "=1")]
    public void Import_removes_the_one_quote_the_export_added(string imported, string value) =>
        Assert.Equal(value, SpreadsheetText.Restore(imported));

    [Theory]
    [InlineData("=1+1")]
    [InlineData("'=1+1")]
    [InlineData("''-3")]
    [InlineData("'")]
    [InlineData("''")]
    [InlineData("'abc")]
    [InlineData("@")]
    [InlineData("普通文字")]
    public void Export_then_import_gives_back_the_value(string value) =>
        Assert.Equal(value, SpreadsheetText.Restore(SpreadsheetText.Neutralise(value)));

    [Fact]
    public void The_shared_writer_neutralises_every_text_cell_of_rows_and_tables()
    {
        var table = new DataTable();
        table.Columns.Add("备注", typeof(string));
        table.Rows.Add("-1");
        var xlsx = SpreadsheetWriter.Xlsx(new Dictionary<string, object>
        {
            ["行"] = new List<Dictionary<string, object?>> { new() { ["姓名"] = "=HYPERLINK(\"http://x\")", ["数"] = -3, ["地址"] = "昌元街道" } },
            ["表"] = table,
        });
        using var s = new MemoryStream(xlsx);
        var row = (IDictionary<string, object?>)s.Query(useHeaderRow: true, sheetName: "行").First();
        Assert.Equal("'=HYPERLINK(\"http://x\")", row["姓名"]);
        Assert.Equal(-3d, Convert.ToDouble(row["数"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("昌元街道", row["地址"]);
        using var t = new MemoryStream(xlsx);
        Assert.Equal("'-1", ((IDictionary<string, object?>)t.Query(useHeaderRow: true, sheetName: "表").First())["备注"]);
    }
}
