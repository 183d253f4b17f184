using System.Diagnostics;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Infrastructure.Spreadsheets;
using MiniExcelLibs;
using T = ElderCare.Web.Features.Elders.ElderImportTemplate;

namespace ElderCare.Tests.Spreadsheets;

/// <summary>The shared reader's bounds, checked while streaming, with small limits so the files stay small.</summary>
public class SpreadsheetReaderTests(ITestOutputHelper output)
{
    private static readonly SpreadsheetLimits Small = new() { MaxPartBytes = 1024 * 1024, MaxCellChars = 100, MaxRows = 10, MaxColumns = 20 };

    private static string? Check(byte[] xlsx, SpreadsheetLimits? limits = null) =>
        SpreadsheetReader.Check(new MemoryStream(xlsx), limits ?? Small, default);

    private static byte[] Sheet(Action<TextWriter> rows, Action<TextWriter>? shared = null) =>
        Workbooks.Build("数据", w =>
        {
            Workbooks.Row(w, 1, ["姓名", "身份证号"]);
            rows(w);
        }, sharedStrings: shared);

    [Fact]
    public async Task A_workbook_within_the_limits_passes_and_its_rows_are_read_with_the_export_quote_removed()
    {
        var xlsx = Sheet(w => Workbooks.Row(w, 2, ["'=1+1", "'abc"]));
        Assert.Null(Check(xlsx));
        var opened = await SpreadsheetReader.OpenAsync(new MemoryStream(xlsx), Small, TestContext.Current.CancellationToken);
        using var reader = opened.Value!;
        var row = Assert.Single(reader.Rows("数据"));
        Assert.Equal("=1+1", row["姓名"]);
        Assert.Equal("'abc", row["身份证号"]);
    }

    [Fact]
    public void A_cell_over_MaxCellChars_is_refused_naming_the_sheet_and_row()
    {
        var message = Check(Sheet(w => w.Write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>" + new string('x', 101) + "</t></is></c></row>")));
        Assert.Equal("“数据”工作表第 2 行有超过 100 个字的单元格，请检查文件。", message);
    }

    [Fact]
    public void A_shared_string_over_MaxCellChars_is_refused_also_when_split_into_runs()
    {
        var message = Check(Sheet(w => w.Write("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>"),
            s => s.Write("<si><r><t>" + new string('x', 60) + "</t></r><r><t>" + new string('y', 60) + "</t></r></si>")));
        Assert.Equal("文件中有超过 100 个字的单元格，请检查文件。", message);
    }

    [Fact]
    public void Rows_with_data_only_outside_the_template_columns_count_against_MaxRows()
    {
        var message = Check(Sheet(w =>
        {
            for (var r = 2; r <= 12; r++) w.Write($"<row r=\"{r}\"><c r=\"T{r}\"><v>1</v></c></row>");
        }));
        Assert.Equal("“数据”工作表超过 10 行（第 1 行为列名；只在模板以外的列有内容的行也计入），请分批导入。", message);
        Assert.Null(Check(Sheet(w =>
        {
            for (var r = 2; r <= 11; r++) w.Write($"<row r=\"{r}\"><c r=\"T{r}\"><v>1</v></c></row>");
        })));
    }

    [Fact]
    public void A_row_number_or_a_dimension_far_below_the_data_is_refused_as_too_many_rows()
    {
        Assert.Contains("超过 10 行", Check(Sheet(w => w.Write("<row r=\"1048576\"><c r=\"A1048576\"><v>1</v></c></row>"))));
        var dimension = Workbooks.Rewrite(Sheet(_ => { }), "xl/worksheets/sheet1.xml",
            x => x.Replace("<sheetData>", "<dimension ref=\"A1:B1048576\"/><sheetData>", StringComparison.Ordinal));
        Assert.Contains("超过 10 行", Check(dimension));
    }

    [Fact]
    public void Too_many_columns_are_refused_by_reference_and_by_count()
    {
        Assert.Equal("“数据”工作表超过 20 列，请删去多余的列后重试。", Check(Sheet(w => w.Write("<row r=\"2\"><c r=\"XFD2\"><v>1</v></c></row>"))));
        Assert.Contains("超过 20 列", Check(Sheet(w => Workbooks.Row(w, 2, Enumerable.Range(1, 21).Select(i => i.ToString())))));
    }

    [Fact]
    public void A_part_inflating_past_MaxPartBytes_is_refused()
    {
        var message = Check(Sheet(w =>
        {
            for (var r = 2; r <= 11; r++)
            {
                w.Write($"<row r=\"{r}\"><c r=\"A{r}\"><v>1</v></c>");
                w.Write(new string(' ', 200_000)); // whitespace between elements, deflated to almost nothing
                w.Write("</row>");
            }
        }), new SpreadsheetLimits { MaxPartBytes = 1024 * 1024, MaxCellChars = 1_000_000, MaxRows = 10, MaxColumns = 20 });
        Assert.Equal("文件解压后过大（其中“xl/worksheets/sheet1.xml”超过 1 MB），请检查文件或分批导入。", message);
    }

    [Theory]
    [InlineData("<!DOCTYPE worksheet [<!ENTITY lol \"lol\">]>")]
    [InlineData("<!DOCTYPE worksheet SYSTEM \"http://example.com/x.dtd\">")]
    public void A_DOCTYPE_is_refused(string doctype)
    {
        var message = Check(Workbooks.Build("数据", w => Workbooks.Row(w, 1, ["姓名"]), beforeRoot: doctype));
        Assert.StartsWith("文件内容已损坏或含有不允许的 DOCTYPE 声明", message);
    }

    [Fact]
    public void Broken_XML_and_a_file_that_is_no_zip_are_refused()
    {
        Assert.StartsWith("文件内容已损坏", Check(Sheet(w => w.Write("<row r=\"2\"><c r=\"A2\"><v>1</v></row>"))));
        Assert.Equal(SpreadsheetReader.NotAWorkbook, Check("这不是工作簿"u8.ToArray()));
    }

    /// <summary>The defaults take the elder import's 100,000 rows of the template (and print what such a file weighs).</summary>
    [Fact]
    public void The_default_limits_take_100000_rows_of_the_elder_template()
    {
        var row = ElderImportTemplate.ExampleRow(new DateOnly(2026, 11, 1));
        row[T.Address] = new string('荣', 60);
        using var s = new MemoryStream();
        s.SaveAs(new Dictionary<string, object> { [T.DataSheet] = Enumerable.Range(0, 100_000).Select(_ => row) });
        var xlsx = s.ToArray();
        using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx)))
        {
            var inflated = zip.GetEntry("xl/worksheets/sheet1.xml")!.Length;
            output.WriteLine($"100,000 rows: {xlsx.Length / 1024:N0} KB zipped, sheet {inflated / 1024 / 1024:N0} MB inflated");
        }
        var started = Stopwatch.GetTimestamp();
        Assert.Null(SpreadsheetReader.Check(new MemoryStream(xlsx), new SpreadsheetLimits(), default));
        output.WriteLine($"checked in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:N0} ms");
    }
}
