using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Spreadsheets;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;
using static ElderCare.Tests.Infrastructure.Uploads;
using T = ElderCare.Web.Features.Facilities.FacilityImportTemplate;

namespace ElderCare.Tests.Facilities;

/// <summary>A district loads its existing stations and points from a spreadsheet, upsert by 编号 (ADR 0021).</summary>
public class FacilityImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, object?> Row(string code, string name = "测试社区养老服务站", string type = "社区养老服务站",
        string region = Make.Changyuan, string? opened = "2019-10-01", string? area = "320", string mode = "公建民营", string? beds = "10") => new()
    {
        [T.Code] = code, [T.Type] = type, [T.Name] = name, [T.RegionCode] = region, [T.Address] = "荣昌区昌元街道",
        [T.Lat] = "29.4048", [T.Lng] = "105.5942", [T.FloorArea] = area, [T.Beds] = beds, [T.NursingBeds] = "0",
        [T.OpenedOn] = opened, [T.OperatorName] = "荣昌区颐养社会工作服务中心", [T.OperationMode] = mode, [T.Status] = null,
    };

    private static byte[] Workbook(params Dictionary<string, object?>[] rows) => Uploads.Workbook(T.DataSheet, rows);

    private static Task<HttpResponseMessage> Import(HttpClient client, byte[] xlsx) =>
        client.PostXlsx("/api/facilities/import", xlsx, "facilities.xlsx");

    [Fact]
    public async Task The_template_has_the_columns_and_an_example_sheet()
    {
        var r = await app.Staff.GetAsync("/api/facilities/import/template");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var s = new MemoryStream(await r.Content.ReadAsByteArrayAsync());
        Assert.Equal([T.DataSheet, T.NotesSheet, T.ExampleSheet], s.GetSheetNames());
        var header = s.Query(useHeaderRow: false, sheetName: T.DataSheet).Cast<IDictionary<string, object?>>()
            .First().Values.Select(v => v?.ToString() ?? "").ToList();
        Assert.Equal(T.Columns, header);
    }

    [Fact]
    public async Task Good_rows_are_imported_and_a_re_import_is_unchanged_then_updates_by_code()
    {
        var file = Workbook(Row("CY-001", "海棠社区养老服务站"), Row("CY-002", "香国社区养老服务站", opened: null));
        var first = await Imported(await Import(app.Staff, file));
        AssertCounts(first, 2, 0, 0, 0);

        var again = await Imported(await Import(app.Staff, file));
        AssertCounts(again, 0, 0, 2, 0);
        Assert.All(again.GetProperty("rows").EnumerateArray(), r => Assert.Equal("unchanged", r.GetProperty("outcome").GetString()));

        var changed = await Imported(await Import(app.Staff, Workbook(Row("CY-001", "海棠社区养老服务站", area: "350"),
            Row("CY-002", "香国社区养老服务站", opened: null))));
        AssertCounts(changed, 0, 1, 1, 0);

        await using var _ = app.Scope(out var db);
        var haitang = await db.Facilities.SingleAsync(f => f.Code == "CY-001");
        Assert.Equal(350, haitang.FloorArea);
        Assert.Equal(2, haitang.Version);
        Assert.Equal(ElderCare.Web.Features.Facilities.FacilityStatus.Operating, haitang.Status);
        Assert.Equal(new DateOnly(2019, 10, 1), haitang.StatusSince);
        Assert.Equal(ElderCare.Web.Features.Facilities.FacilityStatus.Planned, (await db.Facilities.SingleAsync(f => f.Code == "CY-002")).Status);
    }

    [Fact]
    public async Task Opening_hours_and_service_phone_are_optional_columns_and_a_bad_phone_is_reported_in_its_cell()
    {
        static Dictionary<string, object?> With(Dictionary<string, object?> row, string? hours, string? phone)
        {
            row[T.OpeningHours] = hours;
            row[T.ServicePhone] = phone;
            return row;
        }
        var result = await Imported(await Import(app.Staff, Workbook(
            With(Row("HP-1", "电话站"), "周一至周日 8:00-18:00", "023-46721234"),
            With(Row("HP-2", "坏电话站"), null, "电话 4672"))));
        AssertCounts(result, 1, 0, 0, 1);
        Assert.Contains(ErrorTexts(result), e => e.StartsWith("第 3 行 P 列（服务电话）：服务电话只能包含数字", StringComparison.Ordinal));
        await using var _ = app.Scope(out var db);
        var f = await db.Facilities.SingleAsync(f => f.Code == "HP-1");
        Assert.Equal(("周一至周日 8:00-18:00", "023-46721234"), (f.OpeningHours, f.ServicePhone));
    }

    [Fact]
    public async Task Bad_rows_are_reported_by_cell_and_skipped_while_good_rows_go_in()
    {
        var result = await Imported(await Import(app.Staff, Workbook(
            Row("BAD-1", "", region: Make.Changyuan),           // row 2: no name (C)
            Row("BAD-2", "坏类型站", type: "养老院"),            // row 3: type (B)
            Row("BAD-3", "越界站", region: "500153099001"),      // row 4: unknown region (D)
            Row("OK-1", "好站"),                                 // row 5
            Row("OK-1", "重复站"),                               // row 6: duplicate code (A)
            Row("BAD-4", "面积站", area: "三百"))));              // row 7: area (H)
        AssertCounts(result, 1, 0, 0, 5);
        var errors = ErrorTexts(result);
        Assert.Contains(errors, e => e.StartsWith("第 2 行 C 列（名称）：", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("第 3 行 B 列（设施类型）：", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("第 4 行 D 列（区划代码）：", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("第 6 行 A 列（编号）：编号 OK-1 与第 5 行重复", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("第 7 行 H 列（建筑面积）：", StringComparison.Ordinal));
        await using var _ = app.Scope(out var db);
        Assert.Equal(1, await db.Facilities.CountAsync(f => f.Code == "OK-1"));
        Assert.False(await db.Facilities.AnyAsync(f => f.Code!.StartsWith("BAD-")));
    }

    [Fact]
    public async Task A_code_already_used_by_a_facility_outside_the_officers_town_is_refused_not_overwritten()
    {
        Assert.Equal(HttpStatusCode.OK, (await Import(app.Staff, Workbook(
            Row("PL-001", "盘龙镇村级互助养老点", type: "村级互助养老点", region: Make.Panlong)))).StatusCode);
        var officer = await app.ClientAs(Role.TownOfficer, Make.Changyuan);
        var result = await Imported(await Import(officer, Workbook(
            Row("PL-001", "冒名站"),                                          // a code of 盘龙镇
            Row("CY-OFF-1", "盘龙站", region: Make.Panlong),                   // outside the officer's street
            Row("CY-OFF-2", "昌元站"))));
        AssertCounts(result, 1, 0, 0, 2);
        var errors = ErrorTexts(result);
        Assert.Contains(errors, e => e.StartsWith("第 2 行 A 列（编号）：编号 PL-001 已被其他设施使用", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("第 3 行 D 列（区划代码）：", StringComparison.Ordinal));
        await using var _ = app.Scope(out var db);
        Assert.Equal("盘龙镇村级互助养老点", (await db.Facilities.SingleAsync(f => f.Code == "PL-001")).Name);
    }

    [Fact]
    public async Task A_blank_row_is_skipped_and_row_numbers_stay_those_of_the_sheet()
    {
        var blank = T.Columns.ToDictionary(c => c, object? (_) => null);
        var result = await Imported(await Import(app.Staff, Workbook(Row("GAP-1", "空行前站"), blank, Row("GAP-2", ""))));
        AssertCounts(result, 1, 0, 0, 1);
        Assert.Contains(ErrorTexts(result), e => e.StartsWith("第 4 行 C 列（名称）：", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_or_lacks_columns_is_400_naming_file()
    {
        await (await Import(app.Staff, "not a workbook"u8.ToArray())).AssertFieldError("file");
        using var s = new MemoryStream();
        s.SaveAs(new Dictionary<string, object> { [T.DataSheet] = new[] { new Dictionary<string, object?> { ["名字"] = "某站" } } });
        var message = await (await Import(app.Staff, s.ToArray())).AssertFieldError("file");
        Assert.Contains(T.Code, message);
        var officerless = await app.ClientAs(Role.Evaluator);
        await (await Import(officerless, Workbook(Row("EV-1")))).AssertProblem(HttpStatusCode.Forbidden);
    }
}
