using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;

namespace ElderCare.Tests.Elders;

/// <summary>Statistics and the priority-assessment KPI on a database of their own.</summary>
public class ElderStatisticsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<string> Elder(string idNumber, string living, string[]? categories = null, string region = Make.Fenggao) =>
        (await app.Staff.NewElder(Make.Elder(name: "统计对象", idNumber: idNumber, regionCode: region, living: living, categories: categories)))
            .ToString();

    [Fact]
    public async Task Counts_by_unit_age_band_level_and_category_and_the_share_of_priority_elders_assessed()
    {
        await Elder("500153194001010038", "alone");                                 // 86, alone → priority, not assessed
        var assessed = await Elder("500153195610010310", "with-family", ["extreme-poverty"]); // 70, 特困 → priority
        await Elder("500153196001010045", "with-family");                           // 66, not priority
        await app.Staff.PostJson($"/api/elders/{assessed}/assessments", Make.Assessment("2026-11-01"));

        var stats = await (await app.Staff.GetAsync("/api/elders/statistics")).ReadJson();
        var fenggao = stats.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("regionCode").GetString() == Make.Fenggao)
            .GetProperty("counts");
        Assert.Equal(3, fenggao.GetProperty("total").GetInt32());
        Assert.Equal(1, fenggao.GetProperty("ageBands").GetProperty("80+").GetInt32());
        Assert.Equal(1, fenggao.GetProperty("ageBands").GetProperty("70-79").GetInt32());
        Assert.Equal(1, fenggao.GetProperty("ageBands").GetProperty("60-69").GetInt32());
        Assert.Equal(1, fenggao.GetProperty("levels").GetProperty("0").GetInt32());
        Assert.Equal(2, fenggao.GetProperty("levels").GetProperty("unassessed").GetInt32());
        Assert.Equal(1, fenggao.GetProperty("categories").GetProperty("extreme-poverty").GetInt32());
        Assert.Equal(2, fenggao.GetProperty("priority").GetInt32());
        Assert.Equal(1, fenggao.GetProperty("priorityAssessed").GetInt32());
        Assert.Equal(3, stats.GetProperty("totals").GetProperty("total").GetInt32());

        var kpi = (await (await app.Staff.GetAsync("/api/kpis")).ReadJson()).EnumerateArray()
            .Single(k => k.GetProperty("key").GetString() == "priority-elders-assessed");
        Assert.Equal(0.5, kpi.GetProperty("value").GetDouble());
        Assert.False(kpi.GetProperty("met").GetBoolean());

        // A town officer's statistics are per community and village of their own unit.
        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Fenggao);
        var theirs = await (await officer.GetAsync("/api/elders/statistics")).ReadJson();
        Assert.Equal("region", theirs.GetProperty("groupedBy").GetString());
        Assert.Equal(3, theirs.GetProperty("totals").GetProperty("total").GetInt32());
        var other = await (await (await app.ClientAs(Role.TownOfficer, region: Make.Panlong)).GetAsync("/api/elders/statistics")).ReadJson();
        Assert.Equal(0, other.GetProperty("totals").GetProperty("total").GetInt32());
    }
}
