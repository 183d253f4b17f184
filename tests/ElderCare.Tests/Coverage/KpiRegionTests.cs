using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Regions;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Tests.Coverage;

/// <summary>
/// 一、工作目标 "优先满足高龄、失能、特殊困难等老年人": the priority-elder KPIs of one street, town or district
/// (<c>GET /api/kpis?regionCode=</c>, the coverage report's rule), on a database of their own that also holds a second
/// district, as a city-wide database does.
/// </summary>
public class KpiRegionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Wanzhou = "500101";
    private const string WanzhouStreet = "500101001";

    private async Task<Guid> Elder(string idNumber, string region) =>
        await app.Staff.NewElder(Make.Elder(name: "指标对象", idNumber: idNumber, regionCode: region, living: "alone"));

    private async Task<double?> Assessed(HttpClient client, string query)
    {
        var kpi = (await (await client.GetAsync("/api/kpis?asOf=2026-12-01" + query)).ReadJson()).EnumerateArray()
            .Single(k => k.GetProperty("key").GetString() == "priority-elders-assessed").GetProperty("value");
        return kpi.ValueKind == System.Text.Json.JsonValueKind.Null ? null : kpi.GetDouble();
    }

    [Fact]
    public async Task A_units_or_a_districts_priority_kpis_count_only_its_own_elders()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Regions.Add(new Region { Code = Wanzhou, Name = "万州区", Kind = RegionKind.District });
            db.Regions.Add(new Region { Code = WanzhouStreet, Name = "高笋塘街道", Kind = RegionKind.Street, ParentCode = Wanzhou });
            await db.SaveChangesAsync();
        }
        // Three priority elders living alone (高龄 or 独居 by the seeded rules): one assessed in Fenggao, one not in Panlong,
        // one not in the other district.
        var assessed = await Elder(Make.WithCheckDigit("50015319400101003"), Make.Fenggao);
        await Elder(Make.WithCheckDigit("50015319400101004"), Make.Panlong);
        await Elder(Make.WithCheckDigit("50010119400101005"), WanzhouStreet);
        await (await app.Staff.PostJson($"/api/elders/{assessed}/assessments", Make.Assessment("2026-11-01"))).Ok();

        Assert.Equal(Math.Round(1.0 / 3, 4), await Assessed(app.Staff, ""));        // the whole database
        Assert.Equal(0.5, await Assessed(app.Staff, "&regionCode=500153"));         // the district: its streets' and towns' elders
        Assert.Equal(1.0, await Assessed(app.Staff, $"&regionCode={Make.Fenggao}"));
        Assert.Equal(0.0, await Assessed(app.Staff, $"&regionCode={Make.Panlong}"));
        Assert.Equal(0.0, await Assessed(app.Staff, $"&regionCode={Wanzhou}"));

        // A town officer: their own unit whatever they ask for inside it; another unit is not theirs (404, as coverage).
        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Fenggao);
        Assert.Equal(1.0, await Assessed(officer, ""));
        await (await officer.GetAsync($"/api/kpis?regionCode={Make.Panlong}")).AssertProblem(HttpStatusCode.NotFound);
    }
}
