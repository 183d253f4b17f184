using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Infrastructure.Spreadsheets;
using MiniExcelLibs;
using static ElderCare.Tests.Infrastructure.Uploads;
using T = ElderCare.Web.Features.Elders.ElderImportTemplate;

namespace ElderCare.Tests.Elders;

/// <summary>Bulk import of a town's spreadsheet, upsert by ID number, per-row errors and the error sheet.</summary>
public partial class ElderImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>A valid ID number of someone born on the date (yyyyMMdd) in 荣昌区, with a sequence that keeps tests apart.</summary>
    private static string Id(string birth, string sequence) => Make.WithCheckDigit("500153" + birth + sequence);

    private static Dictionary<string, object?> Row(string idNumber, string name = "导入测试", string region = Make.Changyuan,
        string living = "独居", string? categories = "低保", string? phone = "13812345678") => new()
    {
        [T.Name] = name, [T.IdNumber] = idNumber, [T.Phone] = phone, [T.Address] = "荣昌区昌元街道", [T.RegionCode] = region,
        [T.Living] = living, [T.Categories] = categories, [T.ContactName] = "王小明", [T.ContactRelation] = "儿子",
        [T.ContactPhone] = "13900001111", [T.DoctorName] = null, [T.DoctorInstitution] = null, [T.ConsentBasis] = "本人同意",
        [T.ConsentOn] = "2026-11-01",
    };

    private static byte[] Workbook(IEnumerable<Dictionary<string, object?>> rows) => Uploads.Workbook(T.DataSheet, rows);

    private static Task<HttpResponseMessage> Import(HttpClient client, byte[] xlsx) => client.PostXlsx("/api/elders/import", xlsx, "elders.xlsx");

    /// <summary>Every template column, blank but for the values given.</summary>
    private static Dictionary<string, object?> Sparse(params (string Column, object? Value)[] values)
    {
        var row = T.Columns.ToDictionary(c => c, object? (_) => null);
        foreach (var (column, value) in values) row[column] = value;
        return row;
    }

    private static List<(int Row, string Column, string Message)> Errors(JsonElement result) =>
        result.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!, e.GetProperty("message").GetString()!)).ToList();

    private async Task<JsonElement> Lookup(HttpClient client, string idNumber) =>
        await (await client.PostJson("/api/elders/lookup", new { idNumber })).ReadJson();

    [Fact]
    public async Task Good_rows_are_imported_bad_rows_reported_by_row_and_column_and_a_registered_elder_updated()
    {
        var registered = Id("19440404", "011");
        Assert.Equal(HttpStatusCode.Created, (await app.Staff.PostJson("/api/elders", new
        {
            name = "已登记", idNumber = registered, regionCode = Make.Changyuan, livingArrangement = "alone",
            location = new { lat = 29.40, lng = 105.59 }, consent = new { basis = "本人同意", on = "2026-10-01" },
        })).StatusCode);
        var first = Id("19450505", "021");
        var badCheckDigit = Id("19460606", "031")[..17] + (Id("19460606", "031")[17] == '0' ? "1" : "0");
        var rows = new[]
        {
            Row(first, "甲"),                                                             // row 2: new
            Row(Id("19470707", "041"), "乙", Make.Fenggao, "留守", "特困，残疾"),          // row 3: new, categories with a comma
            Row(registered, "已登记", living: "空巢"),                                    // row 4: update
            Row(badCheckDigit, "丙"),                                                     // row 5: check digit
            Row(Id("19700808", "051"), "丁"),                                             // row 6: 56 years old
            Row(Id("19480909", "061"), "戊", "500153999"),                                // row 7: unknown region
            Row(Id("19491010", "071"), "己", living: "独自居住"),                          // row 8: unknown living arrangement
            Row(first, "甲again"),                                                        // row 9: same ID as row 2
        };
        var file = Workbook(rows);

        var result = await Imported(await Import(app.Staff, file));
        AssertCounts(result, imported: 2, updated: 1, unchanged: 0, rejected: 5);
        var errors = Errors(result);
        Assert.Equal([(5, T.IdNumber), (6, T.IdNumber), (7, T.RegionCode), (8, T.Living), (9, T.IdNumber)], errors.Select(e => (e.Row, e.Column)));
        Assert.Contains("校验位", errors[0].Message);
        Assert.Contains("未满 60 周岁", errors[1].Message);
        Assert.Contains("500153999", errors[2].Message);
        Assert.Contains("独自居住", errors[3].Message);
        Assert.Contains("与第 2 行", errors[4].Message);
        Assert.False(result.GetProperty("errorsTruncated").GetBoolean());

        var updated = await Lookup(app.Staff, registered);
        Assert.Equal("empty-nest", updated.GetProperty("livingArrangement").GetString());
        Assert.Equal(2, updated.GetProperty("version").GetInt32());
        Assert.Equal(29.40, updated.GetProperty("location").GetProperty("lat").GetDouble()); // no column for it: kept
        Assert.Equal("王小明", updated.GetProperty("emergencyContacts")[0].GetProperty("name").GetString());
        var second = await Lookup(app.Staff, Id("19470707", "041"));
        Assert.Equal(["disabled", "extreme-poverty"], second.GetProperty("categories").EnumerateArray().Select(c => c.GetString()).Order());
        Assert.Equal("left-behind", second.GetProperty("livingArrangement").GetString());
        Assert.Equal("2026-11-01", second.GetProperty("consent").GetProperty("on").GetString());
        Assert.Equal("甲", (await Lookup(app.Staff, first)).GetProperty("name").GetString());

        // The error sheet holds exactly the rejected rows, as they were, with what is wrong.
        var url = result.GetProperty("errorSheetUrl").GetString()!;
        var sheet = await app.Staff.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        Assert.Equal(SpreadsheetWriter.ContentType, sheet.Content.Headers.ContentType?.MediaType);
        var bytes = await sheet.Content.ReadAsByteArrayAsync();
        var rejected = Sheet(bytes, T.DataSheet);
        Assert.Equal([badCheckDigit, Id("19700808", "051"), Id("19480909", "061"), Id("19491010", "071"), first],
            rejected.Select(r => r[T.IdNumber] as string));
        Assert.Equal(["丙", "丁", "戊", "己", "甲again"], rejected.Select(r => r[T.Name] as string));
        Assert.Equal("500153999", rejected[2][T.RegionCode]);
        Assert.Equal("独自居住", rejected[3][T.Living]);
        Assert.StartsWith("原表第 5 行：身份证号：", rejected[0][T.ErrorColumn] as string);
        Assert.Contains("与第 2 行", rejected[4][T.ErrorColumn] as string);

        // Only the importer can fetch it.
        var colleague = await app.ClientAs(Role.DistrictAdmin);
        await (await colleague.GetAsync(url)).AssertProblem(HttpStatusCode.NotFound);
        await (await app.Staff.GetAsync("/api/elders/import/errors/00000000000000000000000000000000.xlsx")).AssertProblem(HttpStatusCode.NotFound);

        // The same file again changes nothing.
        var again = await Imported(await Import(app.Staff, file));
        AssertCounts(again, imported: 0, updated: 0, unchanged: 3, rejected: 5);
        Assert.Equal(2, (await Lookup(app.Staff, registered)).GetProperty("version").GetInt32());

        // The corrected error sheet imports (its 错误说明 column is ignored).
        rejected[0][T.IdNumber] = Id("19460606", "031");
        rejected[1][T.IdNumber] = Id("19500808", "051");
        rejected[2][T.RegionCode] = Make.Changyuan;
        rejected[3][T.Living] = "独居";
        rejected.RemoveAt(4);
        AssertCounts(await Imported(await Import(app.Staff, Workbook(rejected))), imported: 4, updated: 0, unchanged: 0, rejected: 0);
    }

    [Fact]
    public async Task A_blank_cell_keeps_the_stored_value_and_a_changed_cell_updates_it()
    {
        var idNumber = Id("19420202", "081");
        AssertCounts(await Imported(await Import(app.Staff, Workbook([Row(idNumber, "留值")]))), 1, 0, 0, 0);
        var partial = Sparse((T.IdNumber, idNumber), (T.Phone, "13700001234"), (T.Categories, "无"));
        AssertCounts(await Imported(await Import(app.Staff, Workbook([partial]))), 0, 1, 0, 0);
        var e = await Lookup(app.Staff, idNumber);
        Assert.Equal("留值", e.GetProperty("name").GetString());
        Assert.Equal("alone", e.GetProperty("livingArrangement").GetString());
        Assert.Empty(e.GetProperty("categories").EnumerateArray());
        Assert.Equal("137****1234", e.GetProperty("phone").GetString());
        Assert.Equal("王小明", e.GetProperty("emergencyContacts")[0].GetProperty("name").GetString());
        AssertCounts(await Imported(await Import(app.Staff, Workbook([partial]))), 0, 0, 1, 0);

        // A blank required cell is an error for someone not yet registered.
        var fresh = await Imported(await Import(app.Staff, Workbook([Sparse((T.IdNumber, Id("19420202", "091")), (T.Name, "新人"))])));
        AssertCounts(fresh, 0, 0, 0, 1);
        Assert.Equal([T.RegionCode, T.Living, T.ConsentBasis], Errors(fresh).Select(x => x.Column));
    }

    [Fact]
    public async Task A_town_officer_cannot_import_into_another_unit_nor_over_an_elder_registered_there()
    {
        var panlongElder = Id("19430303", "101");
        AssertCounts(await Imported(await Import(app.Staff, Workbook([Row(panlongElder, "盘龙老人", Make.Panlong)]))), 1, 0, 0, 0);

        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        var result = await Imported(await Import(officer, Workbook(
        [
            Row(Id("19430303", "111"), "本镇街"),
            Row(Id("19430303", "121"), "外镇街", Make.Panlong),
            Row(panlongElder, "盘龙老人"),
        ])));
        AssertCounts(result, imported: 1, updated: 0, unchanged: 0, rejected: 2);
        var errors = Errors(result);
        Assert.Equal([(3, T.RegionCode), (4, T.IdNumber)], errors.Select(e => (e.Row, e.Column)));
        Assert.Contains("不在您管辖的范围内", errors[0].Message);
        Assert.Contains("已在其他镇街登记", errors[1].Message);
        Assert.Equal(Make.Panlong, (await Lookup(app.Staff, panlongElder)).GetProperty("regionCode").GetString());
    }

    [Fact]
    public async Task Rows_after_the_first_check_chunk_still_update_the_registered_and_catch_duplicates_and_other_units()
    {
        // The registry is looked up one chunk of rows at a time (2,000): the rows that matter here lie in the second.
        var registered = Id("19300101", "771");
        var panlong = Id("19300102", "771");
        AssertCounts(await Imported(await Import(app.Staff, Workbook([Row(registered, "已登记"), Row(panlong, "盘龙已登记", Make.Panlong)]))),
            2, 0, 0, 0);
        var fresh = Enumerable.Range(0, 2_050)
            .Select(i => Row(Id(new DateOnly(1931, 1, 1).AddDays(i).ToString("yyyyMMdd", CultureInfo.InvariantCulture), "771"), "分块")).ToList();
        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        var result = await Imported(await Import(officer, Workbook(
            [.. fresh, Row(registered, "已登记", phone: "13700007771"), Row(panlong, "盘龙已登记"), Row(Id("19310101", "771"), "重复")])));
        AssertCounts(result, imported: 2_050, updated: 1, unchanged: 0, rejected: 2);
        var errors = Errors(result);
        Assert.Equal([(2_053, T.IdNumber), (2_054, T.IdNumber)], errors.Select(e => (e.Row, e.Column)));
        Assert.Contains("已在其他镇街登记", errors[0].Message);
        Assert.Contains("与第 2 行的身份证号重复", errors[1].Message);
        Assert.Equal("137****7771", (await Lookup(app.Staff, registered)).GetProperty("phone").GetString());
    }

    [Fact]
    public async Task The_template_has_its_notes_and_example_and_the_example_row_imports_cleanly()
    {
        var r = await app.Staff.GetAsync("/api/elders/import/template.xlsx");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(SpreadsheetWriter.ContentType, r.Content.Headers.ContentType?.MediaType);
        var template = await r.Content.ReadAsByteArrayAsync();
        using (var s = new MemoryStream(template)) Assert.Equal([T.DataSheet, T.NotesSheet, T.ExampleSheet], s.GetSheetNames());
        using (var s = new MemoryStream(template))
        {
            var header = (IDictionary<string, object?>)s.Query(useHeaderRow: false, sheetName: T.DataSheet).First();
            Assert.Equal(T.Columns, header.Values.Select(v => v as string));
        }
        var notes = Sheet(template, T.NotesSheet);
        Assert.Equal(T.Columns, notes.Take(T.Columns.Count).Select(n => n["列名"] as string));
        Assert.Contains("独居、空巢、留守、与家人同住", notes.Single(n => (string?)n["列名"] == T.Living)["填写要求"] as string);
        var example = Assert.Single(Sheet(template, T.ExampleSheet));
        Assert.IsType<string>(example[T.IdNumber]); // written as text, as the column asks

        // The template sent back as it is has no rows; with its example row it imports cleanly.
        await (await Import(app.Staff, template)).AssertFieldError("file");
        AssertCounts(await Imported(await Import(app.Staff, Workbook([example]))), imported: 1, updated: 0, unchanged: 0, rejected: 0);
        AssertCounts(await Imported(await Import(app.Staff, Workbook([example]))), imported: 0, updated: 0, unchanged: 1, rejected: 0);
    }

    [Fact]
    public async Task An_id_number_stored_as_a_number_by_excel_is_reported_not_guessed()
    {
        var row = Row(Id("19410101", "131"));
        row[T.IdNumber] = 500153194101011310d;
        var result = await Imported(await Import(app.Staff, Workbook([row])));
        AssertCounts(result, 0, 0, 0, 1);
        Assert.Contains("文本格式", Assert.Single(Errors(result)).Message);
    }

    [Fact]
    public async Task Words_lengths_and_dates_are_checked_per_column()
    {
        var row = Row(Id("19410202", "171"), categories: "低保、富裕");
        row[T.ContactRelation] = new string('亲', 21);
        row[T.DoctorInstitution] = new string('院', 201);
        row[T.ConsentOn] = "去年";
        var result = await Imported(await Import(app.Staff, Workbook([row, Row(Id("19410202", "181"), phone: "12345")])));
        AssertCounts(result, 0, 0, 0, 2);
        Assert.Equal([(2, T.Categories), (2, T.ContactRelation), (2, T.DoctorInstitution), (2, T.ConsentOn), (3, T.Phone)],
            Errors(result).Select(e => (e.Row, e.Column)));
        Assert.Contains("富裕", Errors(result)[0].Message);
    }

    [Fact]
    public async Task A_file_that_is_not_the_template_is_400_naming_file()
    {
        await (await Import(app.Staff, "not a spreadsheet"u8.ToArray())).AssertFieldError("file");
        await (await app.Staff.PostAsync("/api/elders/import", new MultipartFormDataContent())).AssertFieldError("file");
        var missing = await (await Import(app.Staff, Workbook([new() { [T.Name] = "张三", [T.IdNumber] = Id("19400101", "141") }])))
            .AssertFieldError("file");
        Assert.Contains(T.RegionCode, missing);
    }

    [Fact]
    public async Task Only_writers_import()
    {
        var evaluator = await app.ClientAs(Role.Evaluator);
        await (await Import(evaluator, Workbook([Row(Id("19400101", "151"))]))).AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync("/api/elders/import/template.xlsx")).StatusCode);
    }

    [Fact]
    public async Task The_page_imports_through_its_form_and_links_the_error_sheet()
    {
        var client = await app.ClientAs(Role.DistrictStaff);
        var page = await client.GetStringAsync("/elders/import");
        Assert.Contains("/api/elders/import/template.xlsx", page);
        Assert.Contains("/js/import.js", page);
        var token = PageSession.TokenIn(page);

        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(Workbook([Row(Id("19390909", "161"), "页面导入"), Row("123", "错号")]));
        file.Headers.ContentType = new MediaTypeHeaderValue(SpreadsheetWriter.ContentType);
        content.Add(file, "file", "名单.xlsx");
        var r = await client.PostAsync("/elders/import", content);
        var html = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("data-import-result", html);
        Assert.Matches(@"<dt>新增</dt><dd>1</dd>", html);
        Assert.Matches(@"<td class=""num"">3</td><td>身份证号</td>", html);
        var url = ErrorSheetLink().Match(html).Groups[1].Value;
        Assert.Single(Sheet(await client.GetByteArrayAsync(url), T.DataSheet));

        // Without a file the form says so.
        var empty = await client.PostAsync("/elders/import", new MultipartFormDataContent {
            { new StringContent(token), "__RequestVerificationToken" } });
        Assert.Contains("请选择要导入的 .xlsx 文件", await empty.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("href=\"(/api/elders/import/errors/[0-9a-f]+\\.xlsx)\"")]
    private static partial Regex ErrorSheetLink();
}
