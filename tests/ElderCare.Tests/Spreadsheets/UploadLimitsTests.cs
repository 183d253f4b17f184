using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Plan;
using ElderCare.Web.Infrastructure.Spreadsheets;
using MiniExcelLibs;
using T = ElderCare.Web.Features.Elders.ElderImportTemplate;

namespace ElderCare.Tests.Spreadsheets;

/// <summary>Memory is measured around single requests, so nothing else may run beside these tests.</summary>
[CollectionDefinition(nameof(UploadLimits), DisableParallelization = true)]
public sealed class UploadLimits;

/// <summary>
/// Uploads under the default <c>Spreadsheets</c> limits: a zip bomb, rows outside the template's columns, too many rows,
/// DOCTYPE and broken XML answer 400 naming <c>file</c>, early, on both imports.
/// </summary>
[Collection(nameof(UploadLimits))]
public class UploadLimitsTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    private static Task<HttpResponseMessage> Post(HttpClient client, string url, byte[] xlsx) => client.PostXlsx(url, xlsx);

    private Task<HttpClient> TownOfficer() => app.ClientAs(Role.TownOfficer, Make.Changyuan);

    /// <summary>The template's header, then row 2 whose 姓名 is 300 MB of characters (inline, or as the one shared string).</summary>
    private static byte[] Bomb(bool shared) => Workbooks.Build(T.DataSheet, w =>
        {
            Workbooks.Row(w, 1, T.Columns);
            if (shared) w.Write("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>");
            else
            {
                w.Write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>");
                Workbooks.Repeat(w, 300L * 1024 * 1024);
                w.Write("</t></is></c></row>");
            }
        },
        sharedStrings: shared ? s => { s.Write("<si><t>"); Workbooks.Repeat(s, 300L * 1024 * 1024); s.Write("</t></si>"); } : null);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_template_with_one_300_MB_cell_answers_400_without_inflating_it(bool shared)
    {
        var bomb = Bomb(shared);
        output.WriteLine($"bomb: {bomb.Length / 1024:N0} KB on the wire, 300 MB in one cell ({(shared ? "shared string" : "inline")})");
        var client = await TownOfficer();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var process = Process.GetCurrentProcess();
        var workingSet = process.WorkingSet64;
        var started = Stopwatch.GetTimestamp();
        var response = await Post(client, "/api/elders/import", bomb);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocatedDelta = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        process.Refresh();
        output.WriteLine($"answered {(int)response.StatusCode} in {elapsed.TotalMilliseconds:N0} ms; " +
            $"managed allocations +{allocatedDelta / 1024 / 1024:N0} MB; " +
            $"working set {workingSet / 1024 / 1024:N0} → {process.WorkingSet64 / 1024 / 1024:N0} MB " +
            $"(peak {process.PeakWorkingSet64 / 1024 / 1024:N0} MB)");

        var message = await response.AssertFieldError("file");
        Assert.Contains("超过 4,000 个字的单元格", message);
        Assert.True(allocatedDelta < 300L * 1024 * 1024, $"the request allocated {allocatedDelta / 1024 / 1024} MB");
    }

    [Fact]
    public async Task Three_hundred_thousand_rows_with_data_only_outside_the_template_columns_answer_400()
    {
        var xlsx = Workbooks.Build(T.DataSheet, w =>
        {
            Workbooks.Row(w, 1, T.Columns);
            for (var r = 2; r <= 300_001; r++) w.Write($"<row r=\"{r}\"><c r=\"Z{r}\"><v>1</v></c></row>");
        });
        var started = Stopwatch.GetTimestamp();
        var response = await Post(await TownOfficer(), "/api/elders/import", xlsx);
        var took = Stopwatch.GetElapsedTime(started);
        output.WriteLine($"{xlsx.Length / 1024:N0} KB; answered {(int)response.StatusCode} in {took.TotalMilliseconds:N0} ms");
        Assert.Contains("超过 200,000 行", await response.AssertFieldError("file"));
    }

    [Fact]
    public async Task More_rows_than_MaxRows_answer_400_before_any_row_is_checked()
    {
        var xlsx = Workbooks.Build(T.DataSheet, w =>
        {
            Workbooks.Row(w, 1, T.Columns);
            for (var r = 2; r <= 200_002; r++) Workbooks.Row(w, r, ["导入测试", "500153194505050210"]);
        });
        var response = await Post(await TownOfficer(), "/api/elders/import", xlsx);
        Assert.Equal("“老年人信息”工作表超过 200,000 行（第 1 行为列名；只在模板以外的列有内容的行也计入），请分批导入。",
            await response.AssertFieldError("file"));
    }

    /// <summary>A rejected 3,000-character address (within MaxCellChars) is cut in the error sheet the server keeps for an hour.</summary>
    [Fact]
    public async Task The_error_sheet_keeps_no_oversized_value()
    {
        var xlsx = Workbooks.Build(T.DataSheet, w =>
        {
            Workbooks.Row(w, 1, T.Columns);
            Workbooks.Row(w, 2, ["张三", "500153194505050210", "", new string('荣', 3_000)]);
        });
        var client = await TownOfficer();
        var response = await Post(client, "/api/elders/import", xlsx);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var url = (await response.ReadJson()).GetProperty("errorSheetUrl").GetString()!;
        using var sheet = new MemoryStream(await (await client.GetAsync(url)).Content.ReadAsByteArrayAsync());
        var row = (IDictionary<string, object?>)sheet.Query(useHeaderRow: true, sheetName: T.DataSheet).First();
        var address = (string)row[T.Address]!;
        Assert.Equal(new string('荣', T.MaxKeptChars) + "…（原文 3,000 字，已截断）", address);
    }

    private async Task<byte[]> PlanExport() => await (await app.Staff.GetAsync("/api/plan/export.xlsx")).Content.ReadAsByteArrayAsync();

    private static byte[] Template() => T.Build(new DateOnly(2026, 11, 29), 60);

    public static TheoryData<string, string> Corruptions => new()
    {
        { "elders", "doctype" }, { "elders", "broken" }, { "plan", "doctype" }, { "plan", "broken" },
    };

    /// <summary>The plan import answered 500 on these (the elder import 400); both now refuse them in the shared reader.</summary>
    [Theory]
    [MemberData(nameof(Corruptions))]
    public async Task A_DOCTYPE_or_broken_sheet_XML_answers_400_on_both_imports(string import, string corruption)
    {
        var xlsx = import == "plan" ? await PlanExport() : Template();
        var changed = Workbooks.Rewrite(xlsx, "xl/worksheets/sheet1.xml", corruption == "doctype"
            ? x => x.Insert(x.IndexOf("?>", StringComparison.Ordinal) + 2,
                "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>")
            : x => x[..(x.Length / 2)]);
        var response = import == "plan"
            ? await Post(app.Staff, "/api/plan/import", changed)
            : await Post(await TownOfficer(), "/api/elders/import", changed);
        Assert.StartsWith("文件内容已损坏或含有不允许的 DOCTYPE 声明", await response.AssertFieldError("file"));
    }

    /// <summary>A note typed as "=SUM(A1)" is exported as "'=SUM(A1)" and comes back as "=SUM(A1)" when the export is imported.</summary>
    [Fact]
    public async Task A_plan_export_neutralises_formula_text_and_imports_back_to_the_same_value()
    {
        const string note = "=SUM(A1)";
        var sheets = Read(await PlanExport());
        var urban = sheets[PlanSheets.Urban.Name];
        var changyuan = urban.Single(r => (string?)r[PlanSheets.Code] == Make.Changyuan);
        var noteColumn = PlanSheets.Note(PlanSheets.Urban.Types[0]);
        changyuan[noteColumn] = note;
        Assert.Equal(HttpStatusCode.OK, (await Post(app.Staff, "/api/plan/import", Uploads.Workbook(sheets))).StatusCode);

        var exported = await PlanExport();
        Assert.Equal("'" + note, Read(exported)[PlanSheets.Urban.Name].Single(r => (string?)r[PlanSheets.Code] == Make.Changyuan)[noteColumn]);

        var reimported = await Post(app.Staff, "/api/plan/import", exported);
        Assert.Equal(HttpStatusCode.OK, reimported.StatusCode);
        var plan = await (await app.Staff.GetAsync("/api/plan")).ReadJson();
        var line = plan.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("unitCode").GetString() == Make.Changyuan
            && l.GetProperty("type").GetString() == ElderCare.Web.Infrastructure.Web.EnumText.Of(PlanSheets.Urban.Types[0]));
        Assert.Equal(note, line.GetProperty("note").GetString());
    }

    private static Dictionary<string, List<Dictionary<string, object?>>> Read(byte[] xlsx) => Uploads.Sheets(xlsx);
}
