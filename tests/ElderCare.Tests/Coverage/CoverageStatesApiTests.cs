using System.Text.Json;
using ElderCare.Tests.Infrastructure;

namespace ElderCare.Tests.Coverage;

/// <summary>Coverage states on a fresh start and with a centre below the 附件1 standard (own database).</summary>
public class CoverageStatesApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Shuanghe = "500153004"; // 双河街道
    private static JsonElement Unit(JsonElement coverage, string code) =>
        coverage.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("regionCode").GetString() == code);

    [Fact]
    public async Task On_a_fresh_start_every_unit_reads_data_missing_or_to_confirm_never_a_plan_gap()
    {
        var coverage = await (await app.Staff.GetAsync("/api/coverage?asOf=2022-12-31")).ReadJson();
        var states = coverage.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("name").GetString()!,
            u => u.GetProperty("state").GetString());
        Assert.Equal(21, states.Count);
        Assert.All(states.Values, s => Assert.Contains(s, new[] { "data-missing", "to-confirm" }));
        Assert.Equal("to-confirm", states["峰高街道"]);
        Assert.Equal("to-confirm", states["盘龙镇"]);
        var panlong = Unit(coverage, Make.Panlong);
        Assert.Equal("to-confirm", panlong.GetProperty("facilities").GetProperty("village-point").GetProperty("state").GetString());
        Assert.Equal("data-missing", panlong.GetProperty("facilities").GetProperty("community-station").GetProperty("state").GetString());
        // The shortfall of 峰高 (8/7) and 盘龙 (12/9) is balanced by 昌元 (2/4), 双河 (1/2) and 清升 (2/3).
        var gap = panlong.GetProperty("gaps").EnumerateArray().Single(g => g.GetProperty("kind").GetString() == "to-confirm");
        Assert.Contains("昌元街道多2个", gap.GetProperty("message").GetString());
        Assert.Contains("可能为原表串格", gap.GetProperty("message").GetString());

        var page = await (await app.Staff.GetAsync("/")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-state=\"plan-gap\"", page);
        Assert.Contains("数据缺失", page);
    }

    [Fact]
    public async Task A_centre_below_the_attachment_1_standard_does_not_raise_coverage_and_is_shown_beside_it()
    {
        async Task<double?> Kpi()
        {
            var k = (await (await app.Staff.GetAsync("/api/kpis?asOf=2022-12-31")).ReadJson()).EnumerateArray()
                .Single(x => x.GetProperty("key").GetString() == "street-center-coverage");
            return k.GetProperty("value").ValueKind == JsonValueKind.Number ? k.GetProperty("value").GetDouble() : null;
        }
        var before = await Kpi();
        // 附件1: 街道养老服务中心 ≥ 1500㎡ — 900㎡ fails a required rule.
        var r = await app.Staff.PostJson("/api/facilities", Make.Facility(name: "双河街道养老服务中心", regionCode: Shuanghe, floorArea: 900));
        Assert.Equal(System.Net.HttpStatusCode.Created, r.StatusCode);
        var unit = Unit(await (await app.Staff.GetAsync("/api/coverage?asOf=2022-12-31")).ReadJson(), Shuanghe);
        var centre = unit.GetProperty("facilities").GetProperty("street-center");
        Assert.Equal(0, centre.GetProperty("operating").GetInt32());
        Assert.Equal(1, centre.GetProperty("notCompliant").GetInt32());
        Assert.Equal("covered-by-plan", centre.GetProperty("state").GetString());
        Assert.Equal(before, await Kpi());
        var page = await (await app.Staff.GetAsync($"/dashboard/unit/{Shuanghe}?asOf=2022-12-31")).Content.ReadAsStringAsync();
        Assert.Contains("运营中，未达标", page);
    }

    [Fact]
    public async Task A_kpi_without_data_reads_data_missing_not_not_met()
    {
        var kpis = (await (await app.Staff.GetAsync("/api/kpis?asOf=2022-12-31")).ReadJson()).EnumerateArray().ToList();
        var stations = kpis.Single(k => k.GetProperty("key").GetString() == "community-station-coverage");
        Assert.Equal("no-data", stations.GetProperty("status").GetString());
        var page = await (await app.Staff.GetAsync("/?asOf=2022-12-31")).Content.ReadAsStringAsync();
        Assert.Contains("data-status=\"no-data\"", page);
    }
}
