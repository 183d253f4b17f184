using System.Net;
using System.Text;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Map;

namespace ElderCare.Tests.Map;

/// <summary>
/// 养老服务地图 layers: elders on a grid (never one dot per elder at district and town level), priority elders at
/// community level only with masked names, the day's alarms, and a facility's 15-minute circle (二(四)) — each in scope.
/// </summary>
public class MapLayersApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Community = "500153001001";
    private static double North(double meters) => Make.HomeLat + meters / 111_195;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppFactory, Task<(Guid Facility, Guid Elder)>> Done = [];

    private Task<(Guid Facility, Guid Elder)> Arranged() => Done.GetValue(app, _ => Arrange());

    private async Task<(Guid Facility, Guid Elder)> Arrange()
    {
        var staff = app.Staff;
        (await staff.PostJson("/api/regions", new { code = Community, name = "海棠社区", kind = "community", parentCode = Make.Changyuan }))
            .EnsureSuccessStatusCode();
        var facility = await staff.NewFacility(Make.Facility(name: $"地图中心{Make.Serial()}"));
        // 400 m north (inside the circle), a priority elder (高龄, born 1940) 500 m north (inside), one 3 km north (outside).
        var elder = await staff.NewElder(Make.Elder(name: "王小明", regionCode: Community, born: "19600101", living: "with-family",
            lat: North(400)));
        await staff.NewElder(Make.Elder(name: "李高龄", regionCode: Community, born: "19400101", living: "with-family", lat: North(500)));
        await staff.NewElder(Make.Elder(name: "赵远方", regionCode: Community, born: "19400101", living: "with-family", lat: North(3000)));
        var alarm = new HttpRequestMessage(HttpMethod.Post, "/api/alarms")
        {
            Content = new StringContent(
                System.Text.Json.JsonSerializer.Serialize(new { kind = "fall", occurredAt = AppFactory.Start, elderId = elder }),
                Encoding.UTF8, "application/json"),
        };
        alarm.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, (await staff.SendAsync(alarm)).StatusCode);
        return (facility, elder);
    }

    [Fact]
    public async Task Elders_are_counted_on_a_grid_whose_cells_grow_with_the_level_and_no_name_is_given()
    {
        await Arranged();
        var response = await app.Staff.GetAsync("/api/map/elder-density?level=district");
        var text = await response.Content.ReadAsStringAsync();
        var district = await response.Read<ElderDensity>();
        Assert.Equal((1000.0, 3, 2), (district.CellMeters, district.Elders, district.Priority));
        Assert.Equal(3, district.Cells.Sum(c => c.Elders));
        Assert.True(district.Cells.Count < 3); // 400 m and 500 m north share a square of 1 km
        Assert.DoesNotContain("王小明", text, StringComparison.Ordinal);
        var town = await (await app.Staff.GetAsync($"/api/map/elder-density?level=town&region={Make.Changyuan}")).Read<ElderDensity>();
        Assert.Equal(400.0, town.CellMeters);
        Assert.Equal(3, town.Cells.Sum(c => c.Elders));
    }

    [Theory]
    [InlineData("?level=street", "level")]
    [InlineData("?region=5001", "region")]
    [InlineData("?asOf=2026-02-30", "asOf")]
    public async Task A_bad_level_region_or_date_is_refused_naming_the_field(string query, string field)
    {
        await (await app.Staff.GetAsync("/api/map/elder-density" + query)).AssertFieldError(field);
    }

    [Fact]
    public async Task Priority_elders_are_points_only_at_community_level_with_masked_names()
    {
        await Arranged();
        var response = await app.Staff.GetAsync($"/api/map/priority-elders?region={Community}");
        var text = await response.Content.ReadAsStringAsync();
        var points = await response.Read<PriorityElderPoints>();
        Assert.Equal(2, points.Total);
        Assert.All(points.Points, p => Assert.Contains("高龄", p.Groups));
        Assert.Contains(points.Points, p => p.MaskedName == "李**");
        Assert.DoesNotContain("李高龄", text, StringComparison.Ordinal);
        Assert.Contains("村社区", await (await app.Staff.GetAsync($"/api/map/priority-elders?region={Make.Changyuan}")).AssertFieldError("region"),
            StringComparison.Ordinal);
        await (await app.Staff.GetAsync("/api/map/priority-elders")).AssertFieldError("region");
    }

    [Fact]
    public async Task A_town_officer_gets_404_outside_their_street_or_town()
    {
        var (facility, _) = await Arranged();
        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Fenggao);
        await (await officer.GetAsync($"/api/map/priority-elders?region={Community}")).AssertProblem(HttpStatusCode.NotFound);
        await (await officer.GetAsync($"/api/map/elder-density?region={Make.Changyuan}")).AssertProblem(HttpStatusCode.NotFound);
        await (await officer.GetAsync($"/api/map/facilities/{facility}/catchment")).AssertProblem(HttpStatusCode.NotFound);
        var own = await (await officer.GetAsync("/api/map/elder-density")).Read<ElderDensity>();
        Assert.Equal(0, own.Elders);
    }

    [Fact]
    public async Task Users_without_the_coverage_permission_get_403()
    {
        var (facility, _) = await Arranged();
        var caregiver = await app.ClientAs(Role.Caregiver);
        foreach (var path in new[] { "/api/map/elder-density", $"/api/map/priority-elders?region={Community}", "/api/map/day-events",
                     $"/api/map/facilities/{facility}/catchment" })
            await (await caregiver.GetAsync(path)).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_alarms_of_the_day_are_at_the_elders_home_without_a_name()
    {
        await Arranged();
        var response = await app.Staff.GetAsync($"/api/map/day-events?date={Make.Today}");
        var text = await response.Content.ReadAsStringAsync();
        var day = await response.Read<DayEvents>();
        var alarm = Assert.Single(day.Alarms);
        Assert.Equal(("跌倒", Math.Round(North(400), 5)), (alarm.Kind, Math.Round(alarm.Lat, 5)));
        Assert.DoesNotContain("王小明", text, StringComparison.Ordinal);
        Assert.Empty((await (await app.Staff.GetAsync("/api/map/day-events?date=2026-11-28")).Read<DayEvents>()).Alarms);
        Assert.Contains("日期", await (await app.Staff.GetAsync("/api/map/day-events?date=2026-13-01")).AssertFieldError("date"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_facilitys_catchment_counts_the_elders_within_a_15_minute_walk()
    {
        var (facility, _) = await Arranged();
        var c = await (await app.Staff.GetAsync($"/api/map/facilities/{facility}/catchment")).Read<Catchment>();
        Assert.Equal((720.0, 2, 1), (c.CircleMeters, c.Elders, c.Priority)); // 400 m and 500 m north (× 1.3 ≤ 720 m), not 3 km
        Assert.Equal(720 / 1.3, c.RadiusMeters, 6);
        await (await app.Staff.GetAsync($"/api/map/facilities/{Guid.NewGuid()}/catchment")).AssertProblem(HttpStatusCode.NotFound);
        await (await app.Staff.GetAsync($"/api/map/facilities/{facility}/catchment?asOf=x")).AssertFieldError("asOf");
    }
}
