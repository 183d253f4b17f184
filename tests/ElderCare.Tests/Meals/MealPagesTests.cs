using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;

namespace ElderCare.Tests.Meals;

/// <summary>助餐 pages: kitchen and dining point forms, the meal record form and card, cancelling on the orders page, billing.</summary>
public class MealPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Today = Make.Today;

    private Task<Guid> Facility(string region = Make.Changyuan) => app.Staff.NewFacility(Make.CentreIn(region, "页面助餐中心"));

    private Task<Guid> Elder(string region = Make.Changyuan) =>
        app.Staff.NewElder(Make.Elder(name: $"页面老人{Make.Serial()}", regionCode: region, born: "19520202"));

    private Task<HttpResponseMessage> PostForm(string url, params (string Name, string Value)[] fields) => app.PostForm(app.Staff, url, fields);

    /// <summary>The fields of the dining point form for the kitchen at the location.</summary>
    private static (string, string)[] PointFields(string name, Guid facility, Guid kitchen, string lat, string lng) =>
        [("name", name), ("facilityId", facility.ToString()), ("kitchenId", kitchen.ToString()), ("location.lat", lat),
            ("location.lng", lng)];

    [Fact]
    public async Task Kitchens_and_dining_points_are_registered_and_edited_through_their_forms_with_errors_beside_the_fields()
    {
        var facility = await Facility();
        var empty = await (await PostForm("/meals/kitchens/new", ("name", ""), ("location.lat", "29.4"))).Page();
        Assert.Contains("请填写厨房名称。", empty.FieldError("name"));
        Assert.Contains("请同时填写纬度和经度", empty.Text);

        var n = Make.Serial();
        var saved = await (await PostForm("/meals/kitchens/new", ("name", $"页面厨房{n}"), ("facilityId", facility.ToString()))).Page();
        Assert.Equal("/meals", saved.Path);
        var kitchens = (await (await app.Staff.GetAsync("/api/meals/kitchens")).ReadJson()).EnumerateArray().ToList();
        var kitchen = kitchens.Single(k => k.GetProperty("name").GetString() == $"页面厨房{n}").Id();
        Assert.Contains($"/meals/kitchens/{kitchen}/edit", saved.Links);

        var noKitchen = await (await PostForm("/meals/dining-points/new", ("name", "点"), ("facilityId", facility.ToString()))).Page();
        Assert.Contains("请选择供餐的中央厨房。", noKitchen.FieldError("kitchenId"));
        var point = await (await PostForm("/meals/dining-points/new", PointFields($"页面助餐点{n}", facility, kitchen, "29.41", "105.61"))).Page();
        Assert.Contains($"页面助餐点{n}", point.Text);
        var points = await (await app.Staff.GetAsync($"/api/meals/dining-points?kitchenId={kitchen}")).ReadJson();
        var pointId = Assert.Single(points.EnumerateArray()).Id();

        var edit = await (await app.ClientAs(Role.DistrictStaff)).Page($"/meals/kitchens/{kitchen}/edit");
        Assert.Equal($"页面厨房{n}", edit.Value("name"));
        Assert.True(edit.HasAttribute("data-location-map"));
        var bad = await (await PostForm($"/meals/dining-points/{pointId}/edit", PointFields("", facility, kitchen, "95", "105.61"))).Page();
        Assert.Contains("请填写助餐点名称。", bad.FieldError("name"));
        Assert.Contains("纬度应在 -90 至 90 之间。", bad.Text);
        await (await PostForm($"/meals/dining-points/{pointId}/edit", PointFields($"改名助餐点{n}", facility, kitchen, "29.42", "105.62"))).Page();
        var after = await (await app.Staff.GetAsync($"/api/meals/dining-points/{pointId}")).ReadJson();
        Assert.Equal($"改名助餐点{n}", after.GetProperty("name").GetString());
        Assert.Equal(29.42, after.GetProperty("location").GetProperty("lat").GetDouble());

        // Outside the officer's street the edit pages answer 404, as the API does.
        var otherKitchen = await app.Staff.NewKitchen(await Facility(Make.Panlong), $"盘龙厨房{n}");
        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/meals/kitchens/{otherKitchen}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/meals/kitchens/{kitchen}/edit")).StatusCode);
    }

    /// <summary>A kitchen and a dining point of a new facility in 昌元街道; the names end in the returned serial.</summary>
    private async Task<(Guid Kitchen, Guid Point, int N)> Site(string prefix)
    {
        var facility = await Facility();
        var n = Make.Serial();
        var kitchen = await app.Staff.NewKitchen(facility, $"{prefix}厨房{n}");
        return (kitchen, await app.Staff.NewDiningPoint(facility, kitchen, $"{prefix}助餐点{n}", 29.4, 105.6), n);
    }

    [Fact]
    public async Task The_meal_record_form_saves_and_the_elder_page_shows_it_to_roles_that_read_meals()
    {
        var (_, point, n) = await Site("档案");
        var elder = await Elder();

        Assert.Contains("未登记助餐档案。", (await app.Staff.Page($"/elders/{elder}")).Text);
        var missing = await (await PostForm($"/meals/profiles/{elder}", ("diets", "low-salt"))).Page();
        Assert.Contains("请选择助餐点。", missing.FieldError("diningPointId"));
        Assert.Contains("请选择堂食或送餐。", missing.FieldError("mode"));
        var wrongDates = await (await PostForm($"/meals/profiles/{elder}", ("diningPointId", point.ToString()), ("mode", "delivery"),
            ("suspendedFrom", "2026-12-10"), ("resumesOn", "2026-12-01"))).Page();
        Assert.Contains("恢复日期应晚于暂停日期。", wrongDates.FieldError("resumesOn"));

        var card = await (await PostForm($"/meals/profiles/{elder}", ("diets", "low-salt"), ("diets", "diabetic"),
            ("diningPointId", point.ToString()), ("mode", "delivery"), ("notes", "狗会叫，别怕"))).Page();
        Assert.Equal($"/elders/{elder}", card.Path);
        Assert.Contains("助餐档案", card.Text);
        Assert.Contains($"档案助餐点{n}", card.Text);
        Assert.Contains("狗会叫，别怕", card.Text);
        var profile = await (await app.Staff.GetAsync($"/api/meals/profiles/{elder}")).ReadJson();
        Assert.Equal(["low-salt", "diabetic"], profile.GetProperty("diets").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("delivery", (await app.Staff.Page($"/meals/profiles/{elder}")).Selected("mode"));

        // The evaluator reads meals: sees the card, no edit link. Outside the officer's street the form is 404.
        var seen = await (await app.ClientAs(Role.Evaluator)).Page($"/elders/{elder}");
        Assert.Contains($"档案助餐点{n}", seen.Text);
        Assert.DoesNotContain(seen.Links.Concat(seen.FormActions), l => l.StartsWith($"/meals/profiles/{elder}", StringComparison.Ordinal));
        var far = await Elder(Make.Panlong);
        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/meals/profiles/{far}")).StatusCode);
    }

    [Fact]
    public async Task An_order_is_cancelled_from_the_orders_page_and_the_billing_page_shows_yuan()
    {
        var (kitchen, point, n) = await Site("取消");
        (await app.Staff.PostJson("/api/meals/menus", Make.Menu(kitchen, priceFen: 1050, dishes: ["米饭"]))).EnsureSuccessStatusCode();
        var stays = await Elder();
        var cancels = await Elder();
        foreach (var e in new[] { stays, cancels })
        {
            (await app.Staff.PutJson($"/api/meals/profiles/{e}", new { diningPointId = point, mode = "dine-in" })).EnsureSuccessStatusCode();
        }
        await (await app.Staff.PostJson("/api/meals/orders", Make.MealOrder(stays))).Created();
        var order = (await (await app.Staff.PostJson("/api/meals/orders", Make.MealOrder(cancels))).Created()).Id();

        var url = $"/meals/orders?date={Today}&meal=lunch&diningPointId={point}";
        Assert.Contains("确认取消", (await app.Staff.Page(url)).Text);
        var r = await PostForm(url + "&handler=Cancel", ("orderId", order.ToString()), ("date", Today), ("meal", "lunch"),
            ("diningPointId", point.ToString()));
        Assert.Contains("另有 1 份已取消", (await r.Page()).Text);
        Assert.Equal("cancelled", (await (await app.Staff.GetAsync($"/api/meals/orders/{order}")).ReadJson()).GetProperty("status").GetString());

        var billing = await app.Staff.Page($"/meals/billing?month=2026-11&diningPointId={point}");
        Assert.Contains($"取消助餐点{n}", billing.Text);
        Assert.Contains("10.50", billing.Cells("num")); // one meal of 10.50 yuan: the cancelled one is not billed
        Assert.Contains(billing.Links, l => l.StartsWith("/api/meals/billing.xlsx?month=2026-11", StringComparison.Ordinal));
        var badMonth = new HtmlPage(await (await app.Staff.GetAsync("/meals/billing?month=nov")).Content.ReadAsStringAsync());
        Assert.Contains("月份格式应为 YYYY-MM", badMonth.Text);
        var evaluator = await app.ClientAs(Role.Evaluator);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync("/meals/billing")).StatusCode);
    }
}
