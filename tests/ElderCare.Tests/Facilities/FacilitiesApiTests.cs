using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Tests.Facilities;

public class FacilitiesApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly HttpClient _http = app.Staff;

    private async Task<FacilityResource> Create(FacilityInput input)
    {
        var r = await _http.PostJson("/api/facilities", input);
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.Read<FacilityResource>();
    }

    [Fact]
    public async Task Post_returns_201_with_the_resource_and_its_location()
    {
        var r = await _http.PostJson("/api/facilities", Make.Facility(name: "昌元街道颐养中心"));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var f = await r.Read<FacilityResource>();
        Assert.Equal($"/api/facilities/{f.Id}", r.Headers.Location?.OriginalString);
        Assert.Equal("昌元街道颐养中心", f.Name);
        Assert.Equal("昌元街道", f.RegionName);
        Assert.Equal(FacilityStatus.Operating, f.Status);
        Assert.Equal(new DateOnly(2020, 6, 1), f.StatusSince);
        Assert.Single(f.StatusHistory);
        Assert.Equal(1, f.Version);

        var json = await (await _http.GetAsync(r.Headers.Location)).ReadJson();
        Assert.Equal("street-center", json.GetProperty("type").GetString());
        Assert.Equal("public-private", json.GetProperty("operationMode").GetString());
        Assert.Equal("agreement", json.GetProperty("medicalCare").GetProperty("mode").GetString());
        Assert.Equal(30, json.GetProperty("beds").GetProperty("total").GetInt32());
        Assert.Contains("daily-care", json.GetProperty("zones").EnumerateArray().Select(z => z.GetString()));
        Assert.Equal(29.4048, json.GetProperty("location").GetProperty("lat").GetDouble());
    }

    [Fact]
    public async Task Opening_hours_and_service_phone_are_registered_updated_and_a_bad_phone_is_400_in_chinese()
    {
        var f = await Create(Make.Facility(name: "开放时间中心") with { OpeningHours = " 周一至周日 8:00-18:00 ", ServicePhone = "023-46721234" });
        Assert.Equal(("周一至周日 8:00-18:00", "023-46721234"), (f.OpeningHours, f.ServicePhone));
        var json = await (await _http.GetAsync($"/api/facilities/{f.Id}")).ReadJson();
        Assert.Equal("023-46721234", json.GetProperty("servicePhone").GetString());
        Assert.Equal("周一至周日 8:00-18:00", json.GetProperty("openingHours").GetString());

        var r = await _http.PutJson($"/api/facilities/{f.Id}",
            FacilityInput.From(f) with { OpeningHours = "工作日 9:00-17:00", ServicePhone = "13812345678" });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var updated = await r.Read<FacilityResource>();
        Assert.Equal(("工作日 9:00-17:00", "13812345678"), (updated.OpeningHours, updated.ServicePhone));

        var bad = await _http.PutJson($"/api/facilities/{f.Id}", FacilityInput.From(updated) with { ServicePhone = "023 4672 1234" });
        var message = await bad.AssertFieldError("servicePhone");
        Assert.Contains("服务电话", message, StringComparison.Ordinal);
        await (await _http.PostJson("/api/facilities", Make.Facility() with { ServicePhone = "(023)4672" })).AssertFieldError("servicePhone");
        await (await _http.PostJson("/api/facilities", Make.Facility() with { OpeningHours = new string('时', 61) })).AssertFieldError("openingHours");
        var now = await (await _http.GetAsync($"/api/facilities/{f.Id}")).Read<FacilityResource>();
        Assert.Equal("13812345678", now.ServicePhone);

        var cleared = await _http.PutJson($"/api/facilities/{f.Id}", FacilityInput.From(now) with { OpeningHours = " ", ServicePhone = "" });
        var blank = await cleared.Read<FacilityResource>();
        Assert.Equal((null, null), (blank.OpeningHours, blank.ServicePhone));
    }

    [Fact]
    public async Task The_form_takes_opening_hours_and_service_phone_and_the_details_page_shows_them()
    {
        (string, string)[] fields = [("name", "表单电话中心"), ("type", "street-center"), ("regionCode", Make.Changyuan), ("status", "planned"),
            ("operationMode", "public-private"), ("openingHours", "周一至周五 9:00-17:00"), ("servicePhone", "023-46720000")];
        var details = await (await app.PostForm(_http, "/facilities/new", fields)).Page();
        Assert.Contains("开放时间 周一至周五 9:00-17:00", details.Text, StringComparison.Ordinal);
        Assert.Contains("服务电话 023-46720000", details.Text, StringComparison.Ordinal);

        var refused = await (await app.PostForm(_http, "/facilities/new",
            [.. fields.Where(f => f.Item1 != "servicePhone"), ("servicePhone", "023/4672")])).Page();
        Assert.Contains("服务电话只能包含数字和“-”", refused.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_unknown_id_is_404_problem()
    {
        var r = await _http.GetAsync($"/api/facilities/{Guid.NewGuid()}");
        var p = await r.AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal("未找到该设施。", p.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Put_updates_and_records_the_status_change_in_the_history()
    {
        var f = await Create(Make.Facility(name: "待停运中心"));
        var r = await _http.PutJson($"/api/facilities/{f.Id}",
            FacilityInput.From(f) with { Status = FacilityStatus.Suspended, StatusDate = new DateOnly(2025, 3, 1), FloorArea = 1800 });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var updated = await r.Read<FacilityResource>();
        Assert.Equal(2, updated.Version);
        Assert.Equal(1800, updated.FloorArea);
        Assert.Equal(FacilityStatus.Suspended, updated.Status);
        Assert.Equal([FacilityStatus.Operating, FacilityStatus.Suspended], updated.StatusHistory.Select(h => h.Status));
        Assert.Equal(new DateOnly(2025, 3, 1), updated.StatusHistory[1].On);
    }

    [Fact]
    public async Task Put_with_a_stale_version_is_409_and_changes_nothing()
    {
        var f = await Create(Make.Facility(name: "并发修改中心"));
        Assert.Equal(HttpStatusCode.OK, (await _http.PutJson($"/api/facilities/{f.Id}", FacilityInput.From(f) with { FloorArea = 1700 })).StatusCode);
        var stale = await _http.PutJson($"/api/facilities/{f.Id}", FacilityInput.From(f) with { FloorArea = 9999 });
        var p = await stale.AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("已被他人修改", p.GetProperty("detail").GetString());
        var now = await (await _http.GetAsync($"/api/facilities/{f.Id}")).Read<FacilityResource>();
        Assert.Equal(1700, now.FloorArea);
    }

    [Fact]
    public async Task Put_takes_the_version_from_if_match_when_the_body_has_none()
    {
        var f = await Create(Make.Facility(name: "ETag 中心"));
        var get = await _http.GetAsync($"/api/facilities/{f.Id}");
        Assert.Equal("\"1\"", get.Headers.ETag?.Tag);
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/facilities/{f.Id}")
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(FacilityInput.From(f) with { Version = null }, Http.Json),
                Encoding.UTF8, "application/json"),
        };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(put)).StatusCode);
    }

    [Fact]
    public async Task Put_unknown_id_is_404() =>
        await (await _http.PutJson($"/api/facilities/{Guid.NewGuid()}", Make.Facility() with { Version = 1 })).AssertProblem(HttpStatusCode.NotFound);

    [Theory]
    [InlineData("name", "")]
    [InlineData("regionCode", "500153999")]
    [InlineData("floorArea", "-1")]
    [InlineData("openedOn", "missing")]
    public async Task Invalid_fields_are_400_naming_the_field(string field, string value)
    {
        var input = field switch
        {
            "name" => Make.Facility() with { Name = value },
            "regionCode" => Make.Facility() with { RegionCode = value },
            "floorArea" => Make.Facility() with { FloorArea = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            _ => Make.Facility() with { OpenedOn = null },
        };
        await (await _http.PostJson("/api/facilities", input)).AssertFieldError(field);
    }

    [Fact]
    public async Task A_street_centre_must_stand_in_a_street()
    {
        var message = await (await _http.PostJson("/api/facilities", Make.Facility(regionCode: Make.Panlong))).AssertFieldError("regionCode");
        Assert.Contains("街道养老服务中心应设在街道", message);
    }

    [Fact]
    public async Task Nursing_beds_cannot_exceed_total_beds() =>
        await (await _http.PostJson("/api/facilities", Make.Facility(beds: new BedsResource(10, 11, 0)))).AssertFieldError("beds.nursing");

    [Fact]
    public async Task An_unknown_enum_value_is_400_naming_the_field()
    {
        var r = await _http.PostAsync("/api/facilities", new StringContent("""{"name":"x","type":"hospital","regionCode":"500153001"}""",
            Encoding.UTF8, "application/json"));
        await r.AssertFieldError("type");
        var nested = await _http.PostAsync("/api/facilities", new StringContent("""{"name":"x","medicalCare":{"mode":"magic"}}""", Encoding.UTF8,
            "application/json"));
        await nested.AssertFieldError("medicalCare.mode");
    }

    [Fact]
    public async Task Malformed_json_is_400_problem()
    {
        var r = await _http.PostAsync("/api/facilities", new StringContent("{\"name\": ", Encoding.UTF8, "application/json"));
        await r.AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_over_1_MB_is_413_problem()
    {
        var big = "{\"name\":\"" + new string('a', 1024 * 1024 + 10) + "\"}";
        var r = await _http.PostAsync("/api/facilities", new StringContent(big, Encoding.UTF8, "application/json"));
        await r.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_station_hub_must_be_a_street_centre_and_a_point_hub_a_town_centre()
    {
        var centre = await Create(Make.Facility(name: "带站中心"));
        var station = await Create(Make.Facility(name: "昌元社区站", type: FacilityType.CommunityStation, floorArea: 320, hub: centre.Id));
        Assert.Equal(centre.Id, station.HubFacilityId);

        var wrong = await (await _http.PostJson("/api/facilities",
            Make.Facility(name: "错挂村点", type: FacilityType.VillagePoint, floorArea: 40, hub: centre.Id))).AssertFieldError("hubFacilityId");
        Assert.Contains("镇养老服务中心", wrong);
        await (await _http.PostJson("/api/facilities", Make.Facility(name: "中心挂中心", hub: centre.Id))).AssertFieldError("hubFacilityId");
        await (await _http.PostJson("/api/facilities", Make.Facility(name: "挂不存在", type: FacilityType.CommunityStation, hub: Guid.NewGuid())))
            .AssertFieldError("hubFacilityId");
    }

    [Fact]
    public async Task Compliance_lists_findings_citing_the_standard()
    {
        var f = await Create(Make.Facility(name: "面积不足中心", floorArea: 1200, zones: Make.StreetZones[..5]));
        var report = await (await _http.GetAsync($"/api/facilities/{f.Id}/compliance")).ReadJson();
        Assert.False(report.GetProperty("compliant").GetBoolean());
        var findings = report.GetProperty("findings").EnumerateArray().ToList();
        var area = findings.Single(x => x.GetProperty("rule").GetString() == "min-floor-area");
        Assert.False(area.GetProperty("passed").GetBoolean());
        Assert.Equal("required", area.GetProperty("severity").GetString());
        Assert.StartsWith("街道养老服务中心建筑面积不低于1500平方米", area.GetProperty("message").GetString());
        Assert.Contains(findings, x => x.GetProperty("severity").GetString() == "advisory");

        var ok = await Create(Make.Facility(name: "达标中心"));
        Assert.True((await (await _http.GetAsync($"/api/facilities/{ok.Id}/compliance")).ReadJson()).GetProperty("compliant").GetBoolean());
        await (await _http.GetAsync($"/api/facilities/{Guid.NewGuid()}/compliance")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Compliance_warns_when_a_centre_runs_more_than_about_10_stations()
    {
        var centre = await Create(Make.Facility(name: "大中心"));
        for (var i = 0; i < 11; i++)
            await Create(Make.Facility(name: $"站{i}", type: FacilityType.CommunityStation, floorArea: 300, hub: centre.Id));
        var report = await (await _http.GetAsync($"/api/facilities/{centre.Id}/compliance")).ReadJson();
        Assert.Contains(report.GetProperty("findings").EnumerateArray(), x => x.GetProperty("rule").GetString() == "hub-span");
    }

    [Fact]
    public async Task List_filters_by_region_including_descendants_type_and_status_and_pages()
    {
        await Create(Make.Facility(name: "峰高街道中心", regionCode: Make.Fenggao));
        await Create(Make.Facility(name: "峰高社区站甲", type: FacilityType.CommunityStation, regionCode: Make.Fenggao, floorArea: 300,
            status: FacilityStatus.Planned));
        await Create(Make.Facility(name: "盘龙镇中心", type: FacilityType.TownCenter, regionCode: Make.Panlong, floorArea: 900));

        var fenggao = await (await _http.GetAsync($"/api/facilities?regionCode={Make.Fenggao}")).ReadJson();
        Assert.Equal(2, fenggao.GetProperty("total").GetInt32());
        Assert.All(fenggao.GetProperty("items").EnumerateArray(), i => Assert.Equal(Make.Fenggao, i.GetProperty("regionCode").GetString()));

        var district = await (await _http.GetAsync("/api/facilities?regionCode=500153&type=town-center")).ReadJson();
        Assert.Contains(district.GetProperty("items").EnumerateArray(), i => i.GetProperty("name").GetString() == "盘龙镇中心");
        Assert.All(district.GetProperty("items").EnumerateArray(), i => Assert.Equal("town-center", i.GetProperty("type").GetString()));

        var planned = await (await _http.GetAsync($"/api/facilities?regionCode={Make.Fenggao}&status=planned")).ReadJson();
        Assert.Equal("峰高社区站甲", Assert.Single(planned.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());

        var page = await (await _http.GetAsync($"/api/facilities?regionCode={Make.Fenggao}&page=2&pageSize=1")).ReadJson();
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(1, page.GetProperty("pageSize").GetInt32());
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Single(page.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task List_caps_page_size_at_100_and_rejects_bad_filters()
    {
        var capped = await (await _http.GetAsync("/api/facilities?pageSize=500")).ReadJson();
        Assert.Equal(PageRequest.MaxPageSize, capped.GetProperty("pageSize").GetInt32());
        await (await _http.GetAsync("/api/facilities?type=hospital")).AssertFieldError("type");
        await (await _http.GetAsync("/api/facilities?status=open")).AssertFieldError("status");
        await (await _http.GetAsync("/api/facilities?page=0")).AssertFieldError("page");
        await (await _http.GetAsync("/api/facilities?page=abc")).AssertFieldError("page");
    }
}
