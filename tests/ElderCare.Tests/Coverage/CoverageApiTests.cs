using System.Net;
using System.Text.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Facilities;
using MiniExcelLibs;

namespace ElderCare.Tests.Coverage;

/// <summary>Coverage and KPIs on their own database, so the counts are exactly what these tests create.</summary>
public class CoverageApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly HttpClient _http = app.Staff;

    private static JsonElement Unit(JsonElement coverage, string code) =>
        coverage.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("regionCode").GetString() == code);

    private static int Count(JsonElement unit, string type, string what) =>
        unit.GetProperty("facilities").GetProperty(type).GetProperty(what).GetInt32();

    private async Task<JsonElement> Coverage(string asOf) => await (await _http.GetAsync($"/api/coverage?asOf={asOf}")).ReadJson();

    [Fact]
    public async Task Operating_counts_follow_the_opening_date_and_the_status_history()
    {
        var created = await _http.PostJson("/api/facilities", Make.Facility(name: "峰高街道养老服务中心", regionCode: Make.Fenggao,
            openedOn: new DateOnly(2020, 9, 1)));
        var centre = await created.Read<FacilityResource>();
        Assert.Equal(0, Count(Unit(await Coverage("2020-08-31"), Make.Fenggao), "street-center", "operating"));
        var after = Unit(await Coverage("2020-12-31"), Make.Fenggao);
        Assert.Equal(1, Count(after, "street-center", "operating"));
        Assert.Equal(1, Count(after, "street-center", "required"));
        Assert.DoesNotContain(after.GetProperty("gaps").EnumerateArray(), g => g.GetProperty("type").GetString() == "street-center");

        // Closed in 2024: still operating at the end of 2023, not at the end of 2024.
        await _http.PutJson($"/api/facilities/{centre.Id}", FacilityInput.From(centre) with { Status = FacilityStatus.Closed,
            StatusDate = new DateOnly(2024, 5, 1) });
        Assert.Equal(1, Count(Unit(await Coverage("2023-12-31"), Make.Fenggao), "street-center", "operating"));
        Assert.Equal(0, Count(Unit(await Coverage("2024-12-31"), Make.Fenggao), "street-center", "operating"));
    }

    [Fact]
    public async Task The_plan_itself_leaves_gaps_in_Fenggao_and_Panlong()
    {
        var coverage = await Coverage("2022-12-31");
        Assert.Equal(21, coverage.GetProperty("units").GetArrayLength());
        foreach (var (code, villages, planned) in new[] { (Make.Fenggao, 8, 7), (Make.Panlong, 12, 9) })
        {
            var unit = Unit(coverage, code);
            Assert.Equal(villages, Count(unit, "village-point", "required"));
            Assert.Equal(planned, Count(unit, "village-point", "planned"));
            var gap = unit.GetProperty("gaps").EnumerateArray()
                .Single(g => g.GetProperty("type").GetString() == "village-point" && g.GetProperty("kind").GetString() == "to-confirm");
            Assert.Equal(villages - planned, gap.GetProperty("missing").GetInt32());
            Assert.False(unit.GetProperty("covered").GetBoolean());
        }
    }

    [Fact]
    public async Task A_bad_as_of_date_is_400_naming_asOf()
    {
        await (await _http.GetAsync("/api/coverage?asOf=2022-13-01")).AssertFieldError("asOf");
        await (await _http.GetAsync("/api/kpis?asOf=yesterday")).AssertFieldError("asOf");
    }

    [Fact]
    public async Task The_coverage_table_exports_as_xlsx()
    {
        var r = await _http.GetAsync("/api/coverage/export.xlsx?asOf=2022-12-31");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", r.Content.Headers.ContentType?.MediaType);
        var rows = (await r.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(21, rows.Count);
        var panlong = rows.Single(x => (string?)x["代码"] == Make.Panlong);
        Assert.Equal("盘龙镇", panlong["镇街"]);
        Assert.Equal(12d, Convert.ToDouble(panlong["村级互助养老点-应建"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("（差3个），该规划行待确认", (string?)panlong["缺口"]); // unconfirmed row: 待确认, not 规划缺口
        Assert.Equal("待确认", panlong["覆盖状态"]);
    }
}
