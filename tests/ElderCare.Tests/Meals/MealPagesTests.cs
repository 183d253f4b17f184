using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Facilities;

namespace ElderCare.Tests.Meals;

/// <summary>助餐 pages: kitchen and dining point forms, the meal record form and card, cancelling on the orders page, billing.</summary>
public partial class MealPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Today = "2026-11-29";
    private static int _serial;

    private async Task<Guid> Facility(string region = Make.Changyuan)
    {
        var n = Interlocked.Increment(ref _serial);
        return (await (await app.Staff.PostJson("/api/facilities", Make.Facility(name: $"页面助餐中心{n}", regionCode: region,
            type: region == Make.Panlong ? FacilityType.TownCenter : FacilityType.StreetCenter, floorArea: 1600))).Read<FacilityResource>()).Id;
    }

    private async Task<Guid> Elder(string region = Make.Changyuan)
    {
        var n = Interlocked.Increment(ref _serial);
        var first17 = $"500153195202020{n % 100:00}";
        var r = await app.Staff.PostJson("/api/elders", new
        {
            name = $"页面老人{n}", idNumber = first17 + IdNumber.CheckDigit(first17), regionCode = region, livingArrangement = "alone",
            consent = new { basis = "本人同意" },
        });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.ReadJson()).GetProperty("id").GetGuid();
    }

    /// <summary>Posts a form; a redirect is followed by hand (the client's own redirects would drop the bearer token).</summary>
    private async Task<HttpResponseMessage> PostForm(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var direct = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        direct.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        var page = await direct.GetStringAsync(url);
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        var r = await direct.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
        return r.StatusCode == HttpStatusCode.Redirect ? await client.GetAsync(r.Headers.Location) : r;
    }

    private static async Task<string> Html(HttpResponseMessage r)
    {
        var html = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
        return html;
    }

    [Fact]
    public async Task Kitchens_and_dining_points_are_registered_and_edited_through_their_forms_with_errors_beside_the_fields()
    {
        var facility = await Facility();
        var empty = await Html(await PostForm(app.Staff, "/meals/kitchens/new", [new("name", ""), new("location.lat", "29.4")]));
        Assert.Contains("请填写厨房名称。", empty);
        Assert.Contains("请同时填写纬度和经度", empty);

        var n = Interlocked.Increment(ref _serial);
        var saved = await PostForm(app.Staff, "/meals/kitchens/new", [new("name", $"页面厨房{n}"), new("facilityId", facility.ToString())]);
        Assert.Equal("/meals", saved.RequestMessage!.RequestUri!.AbsolutePath);
        var kitchens = (await (await app.Staff.GetAsync("/api/meals/kitchens")).ReadJson()).EnumerateArray().ToList();
        var kitchen = kitchens.Single(k => k.GetProperty("name").GetString() == $"页面厨房{n}").GetProperty("id").GetGuid();
        Assert.Contains($"/meals/kitchens/{kitchen}/edit", await Html(saved));

        var noKitchen = await Html(await PostForm(app.Staff, "/meals/dining-points/new", [new("name", "点"), new("facilityId", facility.ToString())]));
        Assert.Contains("请选择供餐的中央厨房。", noKitchen);
        var point = await PostForm(app.Staff, "/meals/dining-points/new", [new("name", $"页面助餐点{n}"), new("facilityId", facility.ToString()),
            new("kitchenId", kitchen.ToString()), new("location.lat", "29.41"), new("location.lng", "105.61")]);
        Assert.Contains($"页面助餐点{n}", await Html(point));
        var pointId = (await (await app.Staff.GetAsync($"/api/meals/dining-points?kitchenId={kitchen}")).ReadJson()).EnumerateArray().Single()
            .GetProperty("id").GetGuid();

        var edit = await client(Role.DistrictStaff).GetStringAsync($"/meals/kitchens/{kitchen}/edit");
        Assert.Contains($"value=\"页面厨房{n}\"", edit);
        Assert.Contains("data-location-map", edit);
        var bad = await Html(await PostForm(app.Staff, $"/meals/dining-points/{pointId}/edit",
            [new("name", ""), new("facilityId", facility.ToString()),
            new("kitchenId", kitchen.ToString()), new("location.lat", "95"), new("location.lng", "105.61")]));
        Assert.Contains("请填写助餐点名称。", bad);
        Assert.Contains("纬度应在 -90 至 90 之间。", bad);
        await Html(await PostForm(app.Staff, $"/meals/dining-points/{pointId}/edit",
            [new("name", $"改名助餐点{n}"), new("facilityId", facility.ToString()),
            new("kitchenId", kitchen.ToString()), new("location.lat", "29.42"), new("location.lng", "105.62")]));
        var after = await (await app.Staff.GetAsync($"/api/meals/dining-points/{pointId}")).ReadJson();
        Assert.Equal($"改名助餐点{n}", after.GetProperty("name").GetString());
        Assert.Equal(29.42, after.GetProperty("location").GetProperty("lat").GetDouble());

        // Outside the officer's street the edit pages answer 404, as the API does.
        var other = await Facility(Make.Panlong);
        var otherKitchen = (await (await app.Staff.PostJson("/api/meals/kitchens",
            new { name = $"盘龙厨房{n}", facilityId = other })).ReadJson()).GetProperty("id").GetGuid();
        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/meals/kitchens/{otherKitchen}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/meals/kitchens/{kitchen}/edit")).StatusCode);
        HttpClient client(Role _) => app.Staff;
    }

    [Fact]
    public async Task The_meal_record_form_saves_and_the_elder_page_shows_it_to_roles_that_read_meals()
    {
        var facility = await Facility();
        var n = Interlocked.Increment(ref _serial);
        var kitchen = (await (await app.Staff.PostJson("/api/meals/kitchens",
            new { name = $"档案厨房{n}", facilityId = facility })).ReadJson()).GetProperty("id").GetGuid();
        var point = (await (await app.Staff.PostJson("/api/meals/dining-points", new { name = $"档案助餐点{n}", facilityId = facility, kitchenId = kitchen,
            location = new { lat = 29.4, lng = 105.6 } })).ReadJson()).GetProperty("id").GetGuid();
        var elder = await Elder();

        var before = await app.Staff.GetStringAsync($"/elders/{elder}");
        Assert.Contains("未登记助餐档案。", before);
        var missing = await Html(await PostForm(app.Staff, $"/meals/profiles/{elder}", [new("diets", "low-salt")]));
        Assert.Contains("请选择助餐点。", missing);
        Assert.Contains("请选择堂食或送餐。", missing);
        var wrongDates = await Html(await PostForm(app.Staff, $"/meals/profiles/{elder}",
            [new("diningPointId", point.ToString()), new("mode", "delivery"),
            new("suspendedFrom", "2026-12-10"), new("resumesOn", "2026-12-01")]));
        Assert.Contains("恢复日期应晚于暂停日期。", wrongDates);

        var saved = await PostForm(app.Staff, $"/meals/profiles/{elder}", [new("diets", "low-salt"), new("diets", "diabetic"),
            new("diningPointId", point.ToString()), new("mode", "delivery"), new("notes", "狗会叫，别怕")]);
        Assert.Equal($"/elders/{elder}", saved.RequestMessage!.RequestUri!.AbsolutePath);
        var card = await Html(saved);
        Assert.Contains("助餐档案", card);
        Assert.Contains($"档案助餐点{n}", card);
        Assert.Contains("狗会叫，别怕", card);
        var profile = await (await app.Staff.GetAsync($"/api/meals/profiles/{elder}")).ReadJson();
        Assert.Equal(["low-salt", "diabetic"], profile.GetProperty("diets").EnumerateArray().Select(d => d.GetString()));
        Assert.Contains("value=\"delivery\" selected", await app.Staff.GetStringAsync($"/meals/profiles/{elder}"));

        // The evaluator reads meals: sees the card, no edit link. Outside the officer's street the form is 404.
        var evaluator = await app.ClientAs(Role.Evaluator);
        var seen = await evaluator.GetStringAsync($"/elders/{elder}");
        Assert.Contains($"档案助餐点{n}", seen);
        Assert.DoesNotContain($"/meals/profiles/{elder}", seen);
        var far = await Elder(Make.Panlong);
        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/meals/profiles/{far}")).StatusCode);
    }

    [Fact]
    public async Task An_order_is_cancelled_from_the_orders_page_and_the_billing_page_shows_yuan()
    {
        var facility = await Facility();
        var n = Interlocked.Increment(ref _serial);
        var kitchen = (await (await app.Staff.PostJson("/api/meals/kitchens",
            new { name = $"取消厨房{n}", facilityId = facility })).ReadJson()).GetProperty("id").GetGuid();
        var point = (await (await app.Staff.PostJson("/api/meals/dining-points", new { name = $"取消助餐点{n}", facilityId = facility, kitchenId = kitchen,
            location = new { lat = 29.4, lng = 105.6 } })).ReadJson()).GetProperty("id").GetGuid();
        (await app.Staff.PostJson("/api/meals/menus", new { kitchenId = kitchen, date = Today, meal = "lunch",
            sets = new[] { new { code = "A", name = "普通套餐", priceFen = 1050, dishes = new[] { "米饭" },
                suits = Array.Empty<string>() } } })).EnsureSuccessStatusCode();
        var stays = await Elder();
        var cancels = await Elder();
        foreach (var e in new[] { stays, cancels })
        {
            (await app.Staff.PutJson($"/api/meals/profiles/{e}", new { diningPointId = point, mode = "dine-in" })).EnsureSuccessStatusCode();
        }
        (await app.Staff.PostJson("/api/meals/orders", new { elderId = stays, date = Today, meal = "lunch" })).EnsureSuccessStatusCode();
        var order = (await (await app.Staff.PostJson("/api/meals/orders",
            new { elderId = cancels, date = Today, meal = "lunch" })).ReadJson()).GetProperty("id").GetGuid();

        var url = $"/meals/orders?date={Today}&meal=lunch&diningPointId={point}";
        var page = await app.Staff.GetStringAsync(url);
        Assert.Contains("确认取消", page);
        var r = await PostForm(app.Staff, url + "&handler=Cancel", [new("orderId", order.ToString()), new("date", Today), new("meal", "lunch"),
            new("diningPointId", point.ToString())]);
        Assert.Contains("另有 1 份已取消", await Html(r));
        Assert.Equal("cancelled", (await (await app.Staff.GetAsync($"/api/meals/orders/{order}")).ReadJson()).GetProperty("status").GetString());

        var billing = await app.Staff.GetStringAsync($"/meals/billing?month=2026-11&diningPointId={point}");
        Assert.Contains($"取消助餐点{n}", billing);
        Assert.Contains("<td class=\"num\">10.5</td>", billing); // one meal of 10.50 yuan: the cancelled one is not billed
        Assert.Contains("/api/meals/billing.xlsx?month=2026-11", billing);
        Assert.Contains("月份格式应为 YYYY-MM", await (await app.Staff.GetAsync("/meals/billing?month=nov")).Content.ReadAsStringAsync());
        var evaluator = await app.ClientAs(Role.Evaluator);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync("/meals/billing")).StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
