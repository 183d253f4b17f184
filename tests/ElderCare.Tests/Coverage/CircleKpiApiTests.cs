using ElderCare.Tests.Infrastructure;

namespace ElderCare.Tests.Coverage;

/// <summary>二(四) on a database of its own (it adds a facility, which would change the other KPI tests' figures).</summary>
public class CircleKpiApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_share_of_priority_elders_within_the_15_minute_circle_is_walked_once_as_the_service_map_walks_it()
    {
        var http = await app.ClientAs(ElderCare.Web.Features.Access.Role.TownOfficer, Make.Fenggao);
        (await app.Staff.PostJson("/api/facilities", Make.Facility(name: $"峰高圈中心{Make.Serial()}", regionCode: Make.Fenggao)))
            .EnsureSuccessStatusCode();
        // Two priority elders (高龄) of 峰高: 400 m north (520 m walk: inside) and 2 km north (outside).
        foreach (var meters in new[] { 400.0, 2000.0 })
            (await app.Staff.PostJson("/api/elders", Make.Elder(regionCode: Make.Fenggao, born: "19400101", living: "with-family",
                lat: Make.HomeLat + meters / 111_195))).EnsureSuccessStatusCode();
        var kpis = (await (await http.GetAsync("/api/kpis")).ReadJson()).EnumerateArray().ToDictionary(k => k.GetProperty("key").GetString()!);
        Assert.Equal(0.5, kpis["priority-elders-in-circle"].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task A_units_circle_counts_a_facility_across_its_boundary_near_its_elders()
    {
        // 二(四) 一刻钟便捷养老服务圈: the circle is walked to the nearest facility wherever it stands. A street centre of 昌元
        // some 11 km north of the others; two priority elders of 盘龙 near it: 400 m (inside) and 5 km.
        var north = Make.HomeLat + 0.1;
        (await app.Staff.PostJson("/api/facilities", Make.Facility(name: $"昌元北圈中心{Make.Serial()}", regionCode: Make.Changyuan) with
        {
            Location = new ElderCare.Web.Infrastructure.Web.LocationResource(north, Make.HomeLng),
        })).EnsureSuccessStatusCode();
        foreach (var meters in new[] { 400.0, 5000.0 })
            (await app.Staff.PostJson("/api/elders", Make.Elder(regionCode: Make.Panlong, born: "19410101", living: "with-family",
                lat: north + meters / 111_195))).EnsureSuccessStatusCode();
        var kpis = (await (await app.Staff.GetAsync($"/api/kpis?regionCode={Make.Panlong}")).ReadJson()).EnumerateArray()
            .ToDictionary(k => k.GetProperty("key").GetString()!);
        Assert.Equal(0.5, kpis["priority-elders-in-circle"].GetProperty("value").GetDouble());
    }
}
