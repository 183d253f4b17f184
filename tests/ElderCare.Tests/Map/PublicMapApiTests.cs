using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Public;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Tests.Map;

/// <summary>
/// The public service map (二(四), no sign-in): nearest operating facilities with the walk by the WalkingRule, dining
/// points with today's menu, no personal data anywhere, and a per-address budget (429 + Retry-After). Its own app: the
/// answers are "the nearest", so other classes' facilities must not be near, and the budget is set low.
/// </summary>
public class PublicMapApiTests(PublicMapApiTests.Factory app) : IClassFixture<PublicMapApiTests.Factory>
{
    public sealed class Factory : AppFactory
    {
        public Factory() => Settings["PublicMap:RequestsPerMinute"] = "20";
    }

    private const string Community = "500153001002";
    private static double North(double meters) => Make.HomeLat + meters / 111_195;

    private static readonly string[] ElderNames = ["孙秘密", "周隐私"];
    private const string ElderPhone = "13912345678";

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppFactory, Task<List<Guid>>> Done = [];
    private Task<List<Guid>> Arranged() => Done.GetValue(app, _ => Arrange());

    private async Task<List<Guid>> Arrange()
    {
        var staff = app.Staff;
        (await staff.PostJson("/api/regions", new { code = Community, name = "玉屏社区", kind = "community", parentCode = Make.Changyuan }))
            .EnsureSuccessStatusCode();
        var near = await staff.NewFacility(Make.Facility(name: "玉屏社区养老服务站", type: FacilityType.CommunityStation, regionCode: Community,
            floorArea: 300) with
            {
                Location = new LocationResource(North(200), Make.HomeLng), Address = "荣昌区昌元街道玉屏路 1 号",
                OpeningHours = "周一至周日 8:00-18:00", ServicePhone = "023-46721234",
            });
        await staff.NewFacility(Make.Facility(name: "昌元街道养老服务中心（公众）") with { Location = new LocationResource(North(1000), Make.HomeLng) });
        await staff.NewFacility(Make.Facility(name: "规划中的站点", type: FacilityType.CommunityStation, regionCode: Community, floorArea: 300,
            status: FacilityStatus.Planned) with { Location = new LocationResource(North(50), Make.HomeLng) });
        var kitchen = await staff.NewKitchen(near, "玉屏中央厨房");
        await staff.NewDiningPoint(near, kitchen, "玉屏助餐点", North(250), Make.HomeLng);
        (await staff.PostJson("/api/meals/menus", Make.Menu(kitchen, Make.Today, setName: "软食套餐", priceFen: 1100, dishes: ["清蒸鱼", "南瓜粥"])))
            .EnsureSuccessStatusCode();
        var ids = new List<Guid>();
        foreach (var name in ElderNames)
            ids.Add(await staff.NewElder(Make.Elder(name: name, regionCode: Community, phone: ElderPhone, lat: North(210), address: "玉屏路 1 号 2 单元")));
        return ids;
    }

    /// <summary>A request from a client address of the test's own (the budget is per address).</summary>
    private async Task<(HttpStatusCode Status, string Body, string? RetryAfter)> Get(string pathAndQuery, string address)
    {
        var parts = pathAndQuery.Split('?', 2);
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = parts[0];
            if (parts.Length > 1) c.Request.QueryString = new("?" + parts[1]);
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
        });
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return ((HttpStatusCode)context.Response.StatusCode, body, context.Response.Headers.RetryAfter.FirstOrDefault());
    }

    private static void AssertNoPersonalData(string body, IEnumerable<Guid> elderIds)
    {
        foreach (var name in ElderNames) Assert.DoesNotContain(name, body, StringComparison.Ordinal);
        foreach (var id in elderIds) Assert.DoesNotContain(id.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ElderPhone, body, StringComparison.Ordinal);
        Assert.DoesNotContain("2 单元", body, StringComparison.Ordinal);
        Assert.DoesNotContain("荣昌区颐养社会工作服务中心", body, StringComparison.Ordinal); // not even the operator
    }

    [Fact]
    public async Task The_nearest_operating_facilities_come_first_with_their_walk_and_no_personal_data()
    {
        var elders = await Arranged();
        var (status, body, _) = await Get($"/api/public/facilities/nearest?lat={Make.HomeLat}&lng={Make.HomeLng}", "198.51.100.1");
        Assert.Equal(HttpStatusCode.OK, status);
        var result = System.Text.Json.JsonSerializer.Deserialize<NearestFacilities>(body, Http.Json)!;
        // The planned site 50 m away is not operating; 200 m × 1.3 ÷ 0.8 m/s ≈ 5.4 min → 6; 1 km → 27.1 → 28.
        Assert.Equal([("玉屏社区养老服务站", 6), ("昌元街道养老服务中心（公众）", 28)], result.Facilities.Take(2).Select(f => (f.Name, f.WalkMinutes)));
        Assert.Equal(("社区养老服务站", "荣昌区昌元街道玉屏路 1 号"), (result.Facilities[0].Type, result.Facilities[0].Address));
        // 开放时间 and 服务电话 from the register; the centre has none registered (the page says 待登记).
        Assert.Equal(("周一至周日 8:00-18:00", "023-46721234"), (result.Facilities[0].OpeningHours, result.Facilities[0].Phone));
        Assert.Equal((null, null), (result.Facilities[1].OpeningHours, result.Facilities[1].Phone));
        Assert.Contains("生活照料", result.Facilities[1].Services);
        Assert.DoesNotContain("运营管理", string.Join("、", result.Facilities[1].Services), StringComparison.Ordinal);
        var point = Assert.Single(result.MealPoints);
        Assert.Equal("玉屏助餐点", point.Name);
        var set = Assert.Single(point.TodaysMenu);
        Assert.Equal(("软食套餐", 1100L), (set.Name, set.PriceFen));
        Assert.Contains("清蒸鱼", set.Dishes);
        AssertNoPersonalData(body, elders);
    }

    [Fact]
    public async Task A_chosen_community_searches_from_its_centre_and_a_type_filters()
    {
        await Arranged();
        var (status, body, _) = await Get($"/api/public/facilities/nearest?region={Community}&type=street-center", "198.51.100.2");
        Assert.Equal(HttpStatusCode.OK, status);
        var result = System.Text.Json.JsonSerializer.Deserialize<NearestFacilities>(body, Http.Json)!;
        Assert.Equal("玉屏社区", result.Place);
        Assert.All(result.Facilities, f => Assert.Equal("街道养老服务中心", f.Type));
    }

    [Theory]
    [InlineData("", "region")]
    [InlineData("?lat=29.4", "lng")]
    [InlineData("?lat=91&lng=105.6", "lat")]
    [InlineData("?lat=29.4&lng=105.6&type=hospital", "type")]
    [InlineData("?region=500153999999", "region")]
    public async Task Bad_input_is_refused_naming_the_field_in_chinese(string query, string field)
    {
        var (status, body, _) = await Get("/api/public/facilities/nearest" + query, "198.51.100.3");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var problem = System.Text.Json.JsonDocument.Parse(body).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), body);
        Assert.Matches("[\u4e00-\u9fff]", messages[0].GetString());
    }

    [Fact]
    public async Task Over_the_budget_an_address_gets_429_in_chinese_with_retry_after_and_another_address_does_not()
    {
        await Arranged();
        var path = $"/api/public/facilities/nearest?lat={Make.HomeLat}&lng={Make.HomeLng}";
        for (var i = 0; i < 20; i++) Assert.Equal(HttpStatusCode.OK, (await Get(path, "203.0.113.7")).Status);
        var (status, body, retryAfter) = await Get(path, "203.0.113.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Contains("查询过于频繁", System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(int.Parse(retryAfter!, System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Get("/public/map", "203.0.113.7")).Status); // the page shares the budget
        Assert.Equal(HttpStatusCode.OK, (await Get(path, "203.0.113.8")).Status);
    }

    [Fact]
    public async Task The_public_page_opens_without_sign_in_and_shows_no_personal_data()
    {
        var elders = await Arranged();
        var (status, body, _) = await Get($"/public/map?region={Community}", "198.51.100.4");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("玉屏社区养老服务站", body, StringComparison.Ordinal);
        Assert.Contains("步行约 <strong>", body, StringComparison.Ordinal);
        Assert.Contains("开放时间：周一至周日 8:00-18:00", body, StringComparison.Ordinal);
        Assert.Contains("<a href=\"tel:023-46721234\">023-46721234</a>", body, StringComparison.Ordinal); // tap to call
        Assert.Contains("服务电话：待登记", body, StringComparison.Ordinal); // the street centre has no phone registered
        AssertNoPersonalData(body, elders);
    }

    [Fact]
    public async Task The_openapi_document_says_200_400_and_429_and_no_sign_in()
    {
        var doc = await (await app.Staff.GetAsync("/openapi/v1.json")).ReadJson();
        var get = doc.GetProperty("paths").GetProperty("/api/public/facilities/nearest").GetProperty("get");
        var codes = get.GetProperty("responses").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("200", codes);
        Assert.Contains("400", codes);
        Assert.Contains("429", codes);
        Assert.DoesNotContain("401", codes);
    }
}
