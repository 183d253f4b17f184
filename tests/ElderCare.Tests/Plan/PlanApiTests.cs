using System.Net;
using System.Net.Http.Headers;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Plan;
using ElderCare.Web.Features.Access;
using MiniExcelLibs;

namespace ElderCare.Tests.Plan;

public class PlanApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly HttpClient _http = app.Staff;

    private static Dictionary<string, List<Dictionary<string, object?>>> Read(byte[] xlsx) => Uploads.Sheets(xlsx);

    private static byte[] Write(Dictionary<string, List<Dictionary<string, object?>>> sheets) => Uploads.Workbook(sheets);

    private Task<HttpResponseMessage> Import(byte[] xlsx) => _http.PostXlsx("/api/plan/import", xlsx, "plan.xlsx");

    private async Task<byte[]> Export() => await (await _http.GetAsync("/api/plan/export.xlsx")).Content.ReadAsByteArrayAsync();

    [Fact]
    public async Task Export_has_the_layout_of_attachments_2_and_3()
    {
        var sheets = Read(await Export());
        Assert.Equal([PlanSheets.Urban.Name, PlanSheets.Rural.Name, PlanSheets.TotalsSheet], sheets.Keys);
        var urban = sheets[PlanSheets.Urban.Name];
        Assert.Equal(21, urban.Count);
        var changyuan = urban.Single(r => (string?)r["代码"] == Make.Changyuan);
        Assert.Equal("昌元街道", changyuan["镇街"]);
        Assert.Equal(5d, Convert.ToDouble(changyuan["社区养老服务站现有数"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("社区养老服务站2019年拟建数", changyuan.Keys);
        Assert.Contains("社区养老服务站2020年拟建数", changyuan.Keys);
        var rural = sheets[PlanSheets.Rural.Name].Single(r => (string?)r["代码"] == Make.Panlong);
        Assert.Equal(12d, Convert.ToDouble(rural["行政村数"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("村级互助养老点2022年拟建数", rural.Keys);
        Assert.Equal("是", rural["镇养老服务中心待确认"]);
    }

    [Fact]
    public async Task Import_with_bad_rows_changes_nothing_and_reports_every_bad_row()
    {
        var before = await (await _http.GetAsync("/api/plan")).Content.ReadAsStringAsync();
        var sheets = Read(await Export());
        var urban = sheets[PlanSheets.Urban.Name];
        urban[0]["社区养老服务站现有数"] = 99;     // fine on its own, must not be applied
        urban[1]["社区养老服务站现有数"] = -3;     // row 3
        urban[2]["代码"] = "500153999";            // row 4
        urban[7]["街道养老服务中心现有数"] = 1;    // row 9: 荣隆镇 is a town, it has no street centre
        sheets[PlanSheets.Rural.Name][3]["村级互助养老点2021年拟建数"] = "两个"; // row 5

        var r = await Import(Write(sheets));
        var problem = await r.AssertProblem(HttpStatusCode.BadRequest);
        var keys = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains($"{PlanSheets.Urban.Name}第3行:社区养老服务站现有数", keys);
        Assert.Contains($"{PlanSheets.Urban.Name}第4行:代码", keys);
        Assert.Contains($"{PlanSheets.Urban.Name}第9行:街道养老服务中心现有数", keys);
        Assert.Contains($"{PlanSheets.Rural.Name}第5行:村级互助养老点2021年拟建数", keys);
        Assert.Equal(4, keys.Count);
        Assert.Equal(before, await (await _http.GetAsync("/api/plan")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Import_applies_a_confirmed_year_and_coverage_follows()
    {
        var sheets = Read(await Export());
        var rural = sheets[PlanSheets.Rural.Name];
        var panlong = rural.Single(r => (string?)r["代码"] == Make.Panlong);
        panlong["村级互助养老点年份待定"] = null;
        panlong["村级互助养老点2021年拟建数"] = 4;
        panlong["村级互助养老点2022年拟建数"] = 5;   // the district adds 3 more points to close the gap
        panlong["村级互助养老点待确认"] = "";

        var r = await Import(Write(sheets));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var plan = (await (await _http.GetAsync("/api/plan")).ReadJson()).GetProperty("lines").EnumerateArray()
            .Single(l => l.GetProperty("unitCode").GetString() == Make.Panlong && l.GetProperty("type").GetString() == "village-point");
        Assert.Equal(9, plan.GetProperty("plannedToBuild").GetInt32());
        Assert.Equal(12, plan.GetProperty("totalWhenDone").GetInt32());
        Assert.False(plan.GetProperty("toConfirm").GetBoolean());

        var coverage = await (await _http.GetAsync("/api/coverage?asOf=2022-12-31")).ReadJson();
        var unit = coverage.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("regionCode").GetString() == Make.Panlong);
        Assert.DoesNotContain(unit.GetProperty("gaps").EnumerateArray(), g => g.GetProperty("kind").GetString() == "plan");
    }

    [Fact]
    public async Task Import_of_something_that_is_not_a_workbook_is_400_naming_file()
    {
        await (await Import("not a spreadsheet"u8.ToArray())).AssertFieldError("file");
        await (await _http.PostAsync("/api/plan/import", new MultipartFormDataContent())).AssertFieldError("file");
    }
}

public class PlanTotalsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Plan_and_totals_carry_the_district_totals_and_the_check_of_the_unit_rows()
    {
        var plan = await (await app.Staff.GetAsync("/api/plan")).ReadJson();
        var stations = plan.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "community-station");
        Assert.Equal("to-confirm", stations.GetProperty("status").GetString());
        Assert.Equal(35, stations.GetProperty("districtExisting").GetInt32());
        Assert.Equal(28, stations.GetProperty("unitsExistingOrPlanned").GetInt32());
        Assert.Equal(19, plan.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("type").GetString() == "community-station")
            .Sum(l => l.GetProperty("existing").ValueKind == System.Text.Json.JsonValueKind.Number ? l.GetProperty("existing").GetInt32() : 0));
        var totals = await (await app.Staff.GetAsync("/api/plan/totals")).ReadJson();
        Assert.Equal(16, totals.GetProperty("totals").GetArrayLength()); // 3 + 3 + 5 + 5 rows
        Assert.Contains(totals.GetProperty("totals").EnumerateArray(), t =>
            t.GetProperty("type").GetString() == "village-point" && t.GetProperty("year").ValueKind == System.Text.Json.JsonValueKind.Null
            && t.GetProperty("count").GetInt32() == 60 && t.GetProperty("source").GetString()!.Contains("附件3 合计行"));
    }

    [Fact]
    public async Task A_town_officer_sees_the_plan_of_their_unit_without_district_checks()
    {
        var plan = await (await (await app.ClientAs(Role.TownOfficer, Make.Changyuan)).GetAsync("/api/plan")).ReadJson();
        Assert.All(plan.GetProperty("lines").EnumerateArray(), l => Assert.StartsWith(Make.Changyuan, l.GetProperty("unitCode").GetString()));
        Assert.Equal(0, plan.GetProperty("checks").GetArrayLength());
    }

    [Fact]
    public async Task Export_has_a_sheet_of_district_totals_and_the_check()
    {
        var xlsx = await (await app.Staff.GetAsync("/api/plan/export.xlsx")).Content.ReadAsByteArrayAsync();
        var rows = Uploads.Sheet(xlsx, PlanSheets.TotalsSheet);
        var stations = rows.Single(r => (string?)r["设施类型"] == "社区养老服务站");
        Assert.Equal(35d, Convert.ToDouble(stations["区级现有数"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("待确认", stations["核对结果"]);
        Assert.Contains("区级合计 35 个", (string?)stations["说明"]);
        var panlong = Uploads.Sheet(xlsx, PlanSheets.Urban.Name).Single(r => (string?)r["代码"] == Make.Panlong);
        Assert.Equal(4d, Convert.ToDouble(panlong["社区养老服务站现有或规划待确认数"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Import_result_says_how_the_unit_rows_stand_against_the_totals()
    {
        var xlsx = await (await app.Staff.GetAsync("/api/plan/export.xlsx")).Content.ReadAsByteArrayAsync();
        var result = await (await app.Staff.PostXlsx("/api/plan/import", xlsx, "plan.xlsx")).ReadJson();
        var stations = result.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "community-station");
        Assert.Contains(stations.GetProperty("messages").EnumerateArray(), m => m.GetString() == "各单位合计 19 个社区养老服务站（现有）、28 个（现有或规划，待确认），区级合计 35 个");
    }
}
