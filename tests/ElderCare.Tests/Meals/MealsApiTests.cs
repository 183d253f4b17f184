using System.Net;
using System.Text.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;

namespace ElderCare.Tests.Meals;

/// <summary>助餐 API: sites, menus, meal records, orders (diet check, subsidy), production list, route sheet, serving, food safety, scope.</summary>
public class MealsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Today = Make.Today;

    /// <summary>A kitchen and a dining point (at 29.40, 105.60) run by a new facility, with a 9 / 11 / 13 yuan lunch menu.</summary>
    private sealed record Site(Guid Facility, Guid Kitchen, Guid Point);

    private async Task<Site> ArrangeSite(string region = Make.Changyuan, bool menu = true, HttpClient? client = null)
    {
        client ??= app.Staff;
        var n = Make.Serial();
        var facility = await app.Staff.NewFacility(Make.CentreIn(region, "助餐测试中心"));
        var kitchen = await client.NewKitchen(facility, $"中央厨房{n}");
        var point = await client.NewDiningPoint(facility, kitchen, $"助餐点{n}");
        if (menu) (await client.PostJson("/api/meals/menus", Menu(kitchen))).EnsureSuccessStatusCode();
        return new Site(facility, kitchen, point);
    }

    private static object Menu(Guid kitchen, string date = Today, string meal = "lunch") => new
    {
        kitchenId = kitchen, date, meal,
        sets = new object[]
        {
            new { code = "A", name = "普通套餐", priceFen = 900, dishes = new[] { "红烧肉", "炒青菜", "米饭" }, suits = Array.Empty<string>() },
            new { code = "B", name = "控糖低盐套餐", priceFen = 1100, dishes = new[] { "清蒸鱼", "凉拌苦瓜", "杂粮饭" }, suits = new[] { "diabetic", "low-salt" } },
            new { code = "C", name = "软食套餐", priceFen = 1300, dishes = new[] { "肉末蒸蛋", "南瓜粥" }, suits = new[] { "soft", "low-salt" } },
        },
    };

    /// <summary>A registered elder (born 1950, 76) with a meal record at the point.</summary>
    private async Task<Guid> ArrangeElder(Site site, string[]? diets = null, string mode = "delivery", string region = Make.Changyuan,
        string[]? categories = null, double? lat = 29.40, double? lng = 105.61, string? name = null, int birthYear = 1950)
    {
        var n = Make.Serial();
        var elder = await app.Staff.NewElder(Make.Elder(name: name ?? $"助餐老人{n}", regionCode: region, categories: categories,
            born: $"{birthYear}0101", lat: lat, lng: lng, address: $"昌元街道海棠路 {n} 号"));
        (await app.Staff.PutJson($"/api/meals/profiles/{elder}", new { diets = diets ?? [], diningPointId = site.Point, mode, notes = "敲门后稍等" }))
            .EnsureSuccessStatusCode();
        return elder;
    }

    private static async Task<Guid> Created(HttpResponseMessage r) => (await r.Created()).Id();

    private Task<HttpResponseMessage> Order(Guid elder, string? setCode = null, string date = Today, string meal = "lunch", string? mode = null) =>
        app.Staff.PostJson("/api/meals/orders", new { elderId = elder, date, meal, setCode, mode });

    [Fact]
    public async Task A_diabetic_elder_gets_the_cheapest_suitable_set_and_a_named_error_for_an_unsuitable_one()
    {
        var site = await ArrangeSite();
        var elder = await ArrangeElder(site, diets: ["diabetic"]);
        var message = await (await Order(elder, setCode: "A")).AssertFieldError("setCode");
        Assert.Contains("糖尿病", message);
        Assert.Contains("可选：B", message);

        var order = await (await Order(elder)).ReadJson();
        Assert.Equal("B", order.GetProperty("setCode").GetString());
        Assert.Equal(1100, order.GetProperty("priceFen").GetInt64());
        Assert.Equal("diabetic", order.GetProperty("diets")[0].GetString());
    }

    [Fact]
    public async Task No_suitable_set_is_400_on_setCode_and_an_unknown_set_names_the_choices()
    {
        var site = await ArrangeSite();
        var elder = await ArrangeElder(site, diets: ["soft", "diabetic"]);
        Assert.Contains("软食", await (await Order(elder)).AssertFieldError("setCode"));
        var plain = await ArrangeElder(site);
        Assert.Contains("A、B、C", await (await Order(plain, setCode: "Z")).AssertFieldError("setCode"));
    }

    [Fact]
    public async Task The_subsidy_follows_the_group_and_the_elder_pays_the_rest_in_fen()
    {
        var site = await ArrangeSite();
        var plain = await (await Order(await ArrangeElder(site), setCode: "B")).ReadJson();
        Assert.Equal("elder", plain.GetProperty("subsidyGroup").GetString());
        Assert.Equal(200, plain.GetProperty("subsidyFen").GetInt64());
        Assert.Equal(900, plain.GetProperty("ownShareFen").GetInt64());

        var poor = await (await Order(await ArrangeElder(site, categories: ["extreme-poverty"]), setCode: "C")).ReadJson();
        Assert.Equal("extreme-poverty", poor.GetProperty("subsidyGroup").GetString());
        Assert.Equal(1300, poor.GetProperty("subsidyFen").GetInt64());
        Assert.Equal(0, poor.GetProperty("ownShareFen").GetInt64());

        var old = await (await Order(await ArrangeElder(site, birthYear: 1940), setCode: "A")).ReadJson();
        Assert.Equal("advanced-age", old.GetProperty("subsidyGroup").GetString());
        Assert.Equal(400, old.GetProperty("subsidyFen").GetInt64());
    }

    [Fact]
    public async Task The_district_sets_a_new_rate_from_a_date_and_later_orders_use_it()
    {
        var rates = (await (await app.Staff.GetAsync("/api/meals/subsidy-rates")).ReadJson()).EnumerateArray().ToList();
        Assert.Equal(5, rates.Count(r => r.GetProperty("effectiveFrom").GetString() == "2020-01-03"));
        await (await app.Staff.PostJson("/api/meals/subsidy-rates", new { group = "elder", perMealFen = -1 })).AssertFieldError("perMealFen");
        (await app.Staff.PostJson("/api/meals/subsidy-rates", new { group = "elder", effectiveFrom = "2026-12-01", perMealFen = 300 }))
            .EnsureSuccessStatusCode();

        var site = await ArrangeSite();
        (await app.Staff.PostJson("/api/meals/menus", Menu(site.Kitchen, date: "2026-12-01"))).EnsureSuccessStatusCode();
        var elder = await ArrangeElder(site);
        Assert.Equal(200, (await (await Order(elder, setCode: "A")).ReadJson()).GetProperty("subsidyFen").GetInt64());
        Assert.Equal(300, (await (await Order(elder, setCode: "A", date: "2026-12-01")).ReadJson()).GetProperty("subsidyFen").GetInt64());
        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        await (await officer.PostJson("/api/meals/subsidy-rates", new { group = "elder", effectiveFrom = "2026-12-02", perMealFen = 1 }))
            .AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Orders_are_refused_while_suspended_twice_for_the_same_meal_without_a_menu_or_for_a_past_day()
    {
        var site = await ArrangeSite();
        var elder = await ArrangeElder(site);
        (await app.Staff.PutJson($"/api/meals/profiles/{elder}", new { diningPointId = site.Point, mode = "delivery", suspendedFrom = Today,
            resumesOn = "2026-12-03" }))
            .EnsureSuccessStatusCode();
        Assert.Contains("2026-12-03 恢复", await (await Order(elder)).AssertFieldError("date"));
        (await app.Staff.PutJson($"/api/meals/profiles/{elder}", new { diningPointId = site.Point, mode = "delivery" })).EnsureSuccessStatusCode();
        (await Order(elder)).EnsureSuccessStatusCode();
        await (await Order(elder)).AssertProblem(HttpStatusCode.Conflict);
        await (await Order(elder, meal: "dinner")).AssertFieldError("meal");
        await (await Order(elder, date: "2026-11-28")).AssertFieldError("date");
        await (await app.Staff.PostJson("/api/meals/orders", new { date = Today, meal = "lunch" })).AssertFieldError("elderId");
        await (await Order(Guid.NewGuid())).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Profiles_check_their_fields_and_an_elder_without_one_cannot_order()
    {
        var site = await ArrangeSite();
        var elder = await ArrangeElder(site);
        var r = await app.Staff.PutJson($"/api/meals/profiles/{elder}",
            new { diets = new[] { "soft" }, suspendedFrom = "2026-12-05", resumesOn = "2026-12-01" });
        var problem = await r.AssertProblem(HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("diningPointId", fields);
        Assert.Contains("mode", fields);
        Assert.Contains("resumesOn", fields);
        await (await app.Staff.PutJson($"/api/meals/profiles/{elder}", new { diets = new[] { "spicy" } })).AssertFieldError("diets");
        var profile = await (await app.Staff.GetAsync($"/api/meals/profiles/{elder}")).ReadJson();
        Assert.Equal("delivery", profile.GetProperty("mode").GetString());

        var bare = await app.Staff.NewElder(Make.Elder(name: "无档案老人", born: "19480201"));
        Assert.Contains("助餐档案", await (await Order(bare)).AssertFieldError("elderId"));
        await (await app.Staff.GetAsync($"/api/meals/profiles/{bare}")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Menus_check_their_fields_and_cannot_change_once_ordered_from()
    {
        var site = await ArrangeSite(menu: false);
        var r = await app.Staff.PostJson("/api/meals/menus", new { kitchenId = site.Kitchen, date = "2026-11-28", meal = "lunch", sets = new[]
        {
            new { code = "A", name = "", priceFen = 0, dishes = Array.Empty<string>() },
            new { code = "A", name = "重复", priceFen = 900, dishes = new[] { "米饭" } },
        } });
        var fields = (await r.AssertProblem(HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["date", "sets[0].name", "sets[0].priceFen", "sets[0].dishes", "sets[1].code"], fields);
        await (await app.Staff.PostJson("/api/meals/menus", new { kitchenId = site.Kitchen, date = Today, meal = "lunch" })).AssertFieldError("sets");

        (await app.Staff.PostJson("/api/meals/menus", Menu(site.Kitchen))).EnsureSuccessStatusCode();
        (await app.Staff.PostJson("/api/meals/menus", Menu(site.Kitchen))).EnsureSuccessStatusCode(); // replaced while nobody ordered
        var menus = (await (await app.Staff.GetAsync($"/api/meals/menus?date={Today}&kitchenId={site.Kitchen}")).ReadJson()).EnumerateArray()
            .ToList();
        Assert.Equal(3, Assert.Single(menus).GetProperty("sets").GetArrayLength());
        (await Order(await ArrangeElder(site))).EnsureSuccessStatusCode();
        await (await app.Staff.PostJson("/api/meals/menus", Menu(site.Kitchen))).AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_production_list_counts_sets_diets_and_dining_points()
    {
        var site = await ArrangeSite();
        (await Order(await ArrangeElder(site, diets: ["diabetic"]))).EnsureSuccessStatusCode();
        (await Order(await ArrangeElder(site, diets: ["diabetic", "low-salt"]))).EnsureSuccessStatusCode();
        (await Order(await ArrangeElder(site, diets: ["soft"], mode: "dine-in"))).EnsureSuccessStatusCode();
        (await Order(await ArrangeElder(site, mode: "dine-in"))).EnsureSuccessStatusCode();

        var list = await (await app.Staff.GetAsync($"/api/meals/kitchens/{site.Kitchen}/production?date={Today}&meal=lunch")).ReadJson();
        Assert.Equal(4, list.GetProperty("total").GetInt32());
        Assert.Equal(1, list.GetProperty("noSpecialDiet").GetInt32());
        var sets = list.GetProperty("sets").EnumerateArray().ToDictionary(s => s.GetProperty("code").GetString()!,
            s => s.GetProperty("count").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["A"] = 1, ["B"] = 2, ["C"] = 1 }, sets);
        var diets = list.GetProperty("diets").EnumerateArray().ToDictionary(s => s.GetProperty("diet").GetString()!,
            s => s.GetProperty("count").GetInt32());
        Assert.Equal(2, diets["diabetic"]);
        Assert.Equal(1, diets["low-salt"]);
        Assert.Equal(1, diets["soft"]);
        var point = Assert.Single(list.GetProperty("diningPoints").EnumerateArray());
        Assert.Equal(2, point.GetProperty("dineIn").GetInt32());
        Assert.Equal(2, point.GetProperty("delivery").GetInt32());

        var xlsx = await app.Staff.GetAsync($"/api/meals/kitchens/{site.Kitchen}/production.xlsx?date={Today}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        await (await app.Staff.GetAsync($"/api/meals/kitchens/{site.Kitchen}/production?date=29-11-2026")).AssertFieldError("date");
        await (await app.Staff.GetAsync($"/api/meals/kitchens/{site.Kitchen}/production?meal=breakfast")).AssertFieldError("meal");
        await (await app.Staff.GetAsync($"/api/meals/kitchens/{Guid.NewGuid()}/production")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_route_sheet_orders_deliveries_nearest_first_from_the_dining_point_and_leaves_out_dine_in()
    {
        var site = await ArrangeSite();
        var far = await ArrangeElder(site, name: "远户", lat: 29.40, lng: 105.63);
        var near = await ArrangeElder(site, name: "近户", lat: 29.40, lng: 105.61);
        var middle = await ArrangeElder(site, name: "中户", lat: 29.40, lng: 105.62);
        var unplaced = await ArrangeElder(site, name: "未定位户", lat: null);
        var eatsIn = await ArrangeElder(site, name: "堂食户", mode: "dine-in");
        foreach (var e in new[] { far, near, middle, unplaced, eatsIn }) (await Order(e)).EnsureSuccessStatusCode();

        var sheet = await (await app.Staff.GetAsync($"/api/meals/dining-points/{site.Point}/route-sheet?date={Today}")).ReadJson();
        var stops = sheet.GetProperty("stops").EnumerateArray().ToList();
        Assert.Equal(["近户", "中户", "远户", "未定位户"], stops.Select(s => s.GetProperty("elderName").GetString()));
        Assert.Equal([1, 2, 3, 4], stops.Select(s => s.GetProperty("order").GetInt32()));
        Assert.InRange(stops[0].GetProperty("metresFromPrevious").GetInt32(), 960, 980);
        Assert.Equal(JsonValueKind.Null, stops[3].GetProperty("metresFromPrevious").ValueKind);
        Assert.Equal("敲门后稍等", stops[0].GetProperty("notes").GetString());
        var xlsx = await app.Staff.GetAsync($"/api/meals/dining-points/{site.Point}/route-sheet.xlsx?date={Today}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
    }

    [Fact]
    public async Task Check_in_and_delivery_record_the_time_and_flag_meals_eaten_over_2_hours_after_cooking()
    {
        var site = await ArrangeSite();
        var dineIn = await (await Order(await ArrangeElder(site, mode: "dine-in"))).ReadJson();
        var delivered = await (await Order(await ArrangeElder(site))).ReadJson();
        var dineInId = dineIn.GetProperty("id").GetGuid();
        var deliveredId = delivered.GetProperty("id").GetGuid();
        (await app.Staff.PostJson("/api/meals/batches", new { kitchenId = site.Kitchen, date = Today, meal = "lunch",
            cookedAt = "2026-11-29T07:30:00+08:00",
            sampleTakenAt = "2026-11-29T07:35:00+08:00" })).EnsureSuccessStatusCode();

        await (await app.Staff.PostJson($"/api/meals/orders/{dineInId}/delivery", new { })).AssertProblem(HttpStatusCode.Conflict);
        await (await app.Staff.PostJson($"/api/meals/orders/{dineInId}/check-in", new { at = "2026-11-29T11:00:00+08:00" })).AssertFieldError("at");
        await (await app.Staff.PostJson($"/api/meals/orders/{dineInId}/check-in", new { at = "2026-11-28T09:00:00+08:00" })).AssertFieldError("at");
        var served = await (await app.Staff.PostJson($"/api/meals/orders/{dineInId}/check-in", new { at = "2026-11-29T09:00:00+08:00" })).ReadJson();
        Assert.Equal("served", served.GetProperty("status").GetString());
        Assert.Equal(90, served.GetProperty("minutesFromCooking").GetInt32());
        Assert.False(served.GetProperty("tooLongAfterCooking").GetBoolean());
        await (await app.Staff.PostJson($"/api/meals/orders/{dineInId}/check-in", new { })).AssertProblem(HttpStatusCode.Conflict);

        await (await app.Staff.PostJson($"/api/meals/orders/{deliveredId}/delivery", new { location = new { lat = 91, lng = 105.6 } }))
            .AssertFieldError("location.lat");
        var late = await (await app.Staff.PostJson($"/api/meals/orders/{deliveredId}/delivery", new
        {
            at = "2026-11-29T09:45:00+08:00", location = new { lat = 29.40, lng = 105.61 }, note = "老人说膝盖疼，已告知家属",
        })).ReadJson();
        Assert.Equal("delivered", late.GetProperty("status").GetString());
        Assert.True(late.GetProperty("tooLongAfterCooking").GetBoolean());
        Assert.Equal(29.40, late.GetProperty("deliveredPosition").GetProperty("lat").GetDouble());

        var log = await (await app.Staff.GetAsync($"/api/meals/samples?kitchenId={site.Kitchen}")).ReadJson();
        var flagged = Assert.Single(log.GetProperty("lateMeals").EnumerateArray());
        Assert.Equal(deliveredId, flagged.GetProperty("orderId").GetGuid());
        Assert.Equal(135, flagged.GetProperty("minutesFromCooking").GetInt32());
        var orders = (await (await app.Staff.GetAsync($"/api/meals/orders?date={Today}&diningPointId={site.Point}")).ReadJson()).EnumerateArray()
            .ToList();
        Assert.Equal(2, orders.Count);
        Assert.Single(orders, o => o.GetProperty("tooLongAfterCooking").GetBoolean());
    }

    [Fact]
    public async Task Samples_are_kept_48_hours_and_missing_or_short_ones_are_listed()
    {
        var site = await ArrangeSite();
        Task<HttpResponseMessage> Batch(object sample) => app.Staff.PostJson("/api/meals/batches", sample);
        await (await Batch(new { kitchenId = site.Kitchen, date = Today, meal = "lunch", cookedAt = "2026-11-29T08:00:00+08:00",
            sampleTakenAt = "2026-11-29T08:05:00+08:00", sampleKeptUntil = "2026-11-30T08:05:00+08:00" })).AssertFieldError("sampleKeptUntil");
        await (await Batch(new { kitchenId = site.Kitchen, date = Today, meal = "lunch", cookedAt = "2026-11-29T12:00:00+08:00" }))
            .AssertFieldError("cookedAt");
        await (await Batch(new { kitchenId = site.Kitchen, date = "2026-11-28", meal = "lunch", cookedAt = "2026-11-29T08:00:00+08:00" }))
            .AssertFieldError("cookedAt");

        var kept = await (await Batch(new { kitchenId = site.Kitchen, date = Today, meal = "lunch", setCode = "A",
            cookedAt = "2026-11-29T08:00:00+08:00",
            sampleTakenAt = "2026-11-29T08:05:00+08:00" })).ReadJson();
        Assert.Equal("kept", kept.GetProperty("sampleState").GetString());
        Assert.Equal(DateTime.Parse("2026-12-01T00:05:00Z", null, System.Globalization.DateTimeStyles.AdjustToUniversal),
            kept.GetProperty("sampleKeptUntil").GetDateTime().ToUniversalTime());
        var missing = await (await Batch(new { kitchenId = site.Kitchen, date = Today, meal = "lunch", setCode = "B",
            cookedAt = "2026-11-29T08:10:00+08:00" })).ReadJson();
        Assert.Equal("missing", missing.GetProperty("sampleState").GetString());

        var keptId = kept.GetProperty("id").GetGuid();
        await (await app.Staff.PostJson($"/api/meals/batches/{missing.GetProperty("id").GetGuid()}/disposal", new { }))
            .AssertProblem(HttpStatusCode.Conflict);
        await (await app.Staff.PostJson($"/api/meals/batches/{keptId}/disposal", new { at = "2026-11-29T08:00:00+08:00" })).AssertFieldError("at");
        var disposed = await (await app.Staff.PostJson($"/api/meals/batches/{keptId}/disposal", new { at = "2026-11-29T09:30:00+08:00" })).ReadJson();
        Assert.Equal("short", disposed.GetProperty("sampleState").GetString());
        await (await app.Staff.PostJson($"/api/meals/batches/{keptId}/disposal", new { })).AssertProblem(HttpStatusCode.Conflict);

        var log = await (await app.Staff.GetAsync($"/api/meals/samples?kitchenId={site.Kitchen}")).ReadJson();
        Assert.Equal(["short", "missing"], log.GetProperty("sampleProblems").EnumerateArray().Select(b => b.GetProperty("sampleState").GetString()));

        // A sample taken later for the batch that had none.
        var missingId = missing.GetProperty("id").GetGuid();
        await (await app.Staff.PostJson($"/api/meals/batches/{missingId}/sample", new { })).AssertFieldError("takenAt");
        var late = await (await app.Staff.PostJson($"/api/meals/batches/{missingId}/sample", new { takenAt = "2026-11-29T08:20:00+08:00" }))
            .ReadJson();
        Assert.Equal("kept", late.GetProperty("sampleState").GetString());
        await (await app.Staff.PostJson($"/api/meals/batches/{missingId}/sample", new { takenAt = "2026-11-29T08:20:00+08:00" }))
            .AssertProblem(HttpStatusCode.Conflict);
        await (await app.Staff.GetAsync("/api/meals/samples?from=2026-11-29&to=2026-11-01")).AssertFieldError("to");
    }

    [Fact]
    public async Task Sites_check_their_fields()
    {
        var site = await ArrangeSite(menu: false);
        var r = await app.Staff.PostJson("/api/meals/kitchens", new { name = "" });
        var fields = (await r.AssertProblem(HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["name", "regionCode"], fields);
        await (await app.Staff.PostJson("/api/meals/kitchens", new { name = "厨房", facilityId = Guid.NewGuid() })).AssertFieldError("facilityId");
        (await app.Staff.PostJson("/api/meals/kitchens", new { name = "无设施厨房", regionCode = Make.Changyuan })).EnsureSuccessStatusCode();
        await (await app.Staff.PostJson("/api/meals/dining-points", new { name = "点", facilityId = site.Facility })).AssertFieldError("kitchenId");
        await (await app.Staff.PostJson("/api/meals/dining-points", new { name = "点", facilityId = site.Facility, kitchenId = site.Kitchen,
            location = new { lat = 29.4, lng = 200 } })).AssertFieldError("location.lng");
        var point = await (await app.Staff.GetAsync($"/api/meals/dining-points/{site.Point}")).ReadJson();
        Assert.Equal(site.Kitchen, point.GetProperty("kitchenId").GetGuid());
    }

    [Fact]
    public async Task A_town_officer_and_an_operator_see_only_their_own_and_others_answer_404()
    {
        var mine = await ArrangeSite();
        var other = await ArrangeSite(region: Make.Panlong);
        var myElder = await ArrangeElder(mine, mode: "dine-in");
        var otherElder = await ArrangeElder(other, region: Make.Panlong);
        var otherOrder = (await (await Order(otherElder)).ReadJson()).GetProperty("id").GetGuid();

        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        var kitchens = (await (await officer.GetAsync("/api/meals/kitchens")).ReadJson()).EnumerateArray().Select(k => k.GetProperty("id").GetGuid())
            .ToList();
        Assert.Contains(mine.Kitchen, kitchens);
        Assert.DoesNotContain(other.Kitchen, kitchens);
        await (await officer.GetAsync($"/api/meals/kitchens/{other.Kitchen}/production")).AssertProblem(HttpStatusCode.NotFound);
        await (await officer.GetAsync($"/api/meals/dining-points/{other.Point}/route-sheet")).AssertProblem(HttpStatusCode.NotFound);
        await (await officer.GetAsync($"/api/meals/orders/{otherOrder}")).AssertProblem(HttpStatusCode.NotFound);
        await (await officer.PostJson("/api/meals/orders", new { elderId = otherElder, date = Today, meal = "lunch" }))
            .AssertProblem(HttpStatusCode.NotFound);
        await (await officer.PostJson("/api/meals/menus", Menu(other.Kitchen, date: "2026-12-02"))).AssertFieldError("kitchenId");
        await (await officer.PostJson("/api/meals/kitchens", new { name = "越界厨房", regionCode = Make.Panlong })).AssertFieldError("regionCode");

        // The operator of the facility running "mine" orders for the elders whose meal record names its dining point.
        var op = await app.ClientAs(Role.Operator, facilities: [mine.Facility]);
        var order = await (await op.PostJson("/api/meals/orders", new { elderId = myElder, date = Today, meal = "lunch" })).ReadJson();
        (await op.PostJson($"/api/meals/orders/{order.GetProperty("id").GetGuid()}/check-in", new { })).EnsureSuccessStatusCode();
        await (await op.PostJson("/api/meals/orders", new { elderId = otherElder, date = Today, meal = "dinner" }))
            .AssertProblem(HttpStatusCode.NotFound);
        await (await op.GetAsync($"/api/meals/profiles/{otherElder}")).AssertProblem(HttpStatusCode.NotFound);
        await (await op.PostJson($"/api/meals/orders/{otherOrder}/delivery", new { })).AssertProblem(HttpStatusCode.NotFound);
        var opOrders = (await (await op.GetAsync($"/api/meals/orders?date={Today}")).ReadJson()).EnumerateArray().ToList();
        Assert.All(opOrders, o => Assert.Equal(mine.Point, o.GetProperty("diningPointId").GetGuid()));
        await (await op.PostJson("/api/meals/kitchens", new { name = "运营方厨房", facilityId = mine.Facility })).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_cancelled_order_counts_in_no_production_list_or_route_sheet_and_the_elder_may_order_again()
    {
        var site = await ArrangeSite();
        var stays = await ArrangeElder(site, name: "照常户");
        var cancels = await ArrangeElder(site, name: "取消户");
        (await Order(stays)).EnsureSuccessStatusCode();
        var id = await Created(await Order(cancels));

        var cancelled = await (await app.Staff.PostJson($"/api/meals/orders/{id}/cancel", new { })).ReadJson();
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal("该订餐已取消。", (await (await app.Staff.PostJson($"/api/meals/orders/{id}/cancel", new { })).AssertProblem(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString());
        await (await app.Staff.PostJson($"/api/meals/orders/{id}/delivery", new { })).AssertProblem(HttpStatusCode.Conflict);
        await (await app.Staff.PostJson($"/api/meals/orders/{Guid.NewGuid()}/cancel", new { })).AssertProblem(HttpStatusCode.NotFound);

        var list = await (await app.Staff.GetAsync($"/api/meals/kitchens/{site.Kitchen}/production?date={Today}&meal=lunch")).ReadJson();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var sheet = await (await app.Staff.GetAsync($"/api/meals/dining-points/{site.Point}/route-sheet?date={Today}")).ReadJson();
        Assert.Equal(["照常户"], sheet.GetProperty("stops").EnumerateArray().Select(s => s.GetProperty("elderName").GetString()));
        var orders = (await (await app.Staff.GetAsync($"/api/meals/orders?date={Today}&diningPointId={site.Point}")).ReadJson()).EnumerateArray()
            .ToList();
        Assert.Contains(orders, o => o.GetProperty("status").GetString() == "cancelled");

        // Ordered again: the new order takes the cancelled one's place (one order per elder, day and meal).
        var again = await Created(await Order(cancels));
        Assert.NotEqual(id, again);
        await (await app.Staff.GetAsync($"/api/meals/orders/{id}")).AssertProblem(HttpStatusCode.NotFound);
        list = await (await app.Staff.GetAsync($"/api/meals/kitchens/{site.Kitchen}/production?date={Today}&meal=lunch")).ReadJson();
        Assert.Equal(2, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_eaten_order_cannot_be_cancelled_and_others_answer_404_outside_scope()
    {
        var site = await ArrangeSite();
        var other = await ArrangeSite(region: Make.Panlong);
        var eaten = await Created(await Order(await ArrangeElder(site, mode: "dine-in")));
        (await app.Staff.PostJson($"/api/meals/orders/{eaten}/check-in", new { })).EnsureSuccessStatusCode();
        var detail = (await (await app.Staff.PostJson($"/api/meals/orders/{eaten}/cancel", new { })).AssertProblem(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString();
        Assert.Equal("该订餐已就餐，不能取消。", detail);

        var otherOrder = await Created(await Order(await ArrangeElder(other, region: Make.Panlong)));
        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        await (await officer.PostJson($"/api/meals/orders/{otherOrder}/cancel", new { })).AssertProblem(HttpStatusCode.NotFound);
        var op = await app.ClientAs(Role.Operator, facilities: [site.Facility]);
        await (await op.PostJson($"/api/meals/orders/{otherOrder}/cancel", new { })).AssertProblem(HttpStatusCode.NotFound);
        var evaluator = await app.ClientAs(Role.Evaluator);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostJson($"/api/meals/orders/{otherOrder}/cancel", new { })).StatusCode);
    }

    [Fact]
    public async Task The_monthly_billing_sums_meals_price_subsidy_and_own_share_per_dining_point_and_elder_without_cancelled_orders()
    {
        var site = await ArrangeSite();
        (await app.Staff.PostJson("/api/meals/menus", Menu(site.Kitchen, date: "2026-11-30"))).EnsureSuccessStatusCode();
        var twice = await ArrangeElder(site, name: "两餐户", mode: "dine-in");
        var once = await ArrangeElder(site, name: "一餐户", categories: ["extreme-poverty"]);
        var cancels = await ArrangeElder(site, name: "取消户");
        var first = await Created(await Order(twice));
        (await Order(twice, date: "2026-11-30")).EnsureSuccessStatusCode();
        (await Order(once)).EnsureSuccessStatusCode();
        (await app.Staff.PostJson($"/api/meals/orders/{await Created(await Order(cancels))}/cancel", new { })).EnsureSuccessStatusCode();
        (await app.Staff.PostJson($"/api/meals/orders/{first}/check-in", new { })).EnsureSuccessStatusCode();

        var billing = await (await app.Staff.GetAsync($"/api/meals/billing?month=2026-11&diningPointId={site.Point}")).ReadJson();
        Assert.Equal("2026-11", billing.GetProperty("month").GetString());
        var total = billing.GetProperty("total");
        Assert.Equal(3, total.GetProperty("meals").GetInt32());
        Assert.Equal(1, total.GetProperty("eaten").GetInt32());
        Assert.Equal(2700, total.GetProperty("priceFen").GetInt64());
        Assert.Equal(total.GetProperty("priceFen").GetInt64(), total.GetProperty("subsidyFen").GetInt64()
            + total.GetProperty("ownShareFen").GetInt64());
        var point = Assert.Single(billing.GetProperty("diningPoints").EnumerateArray());
        Assert.Equal(3, point.GetProperty("line").GetProperty("meals").GetInt32());
        var elders = billing.GetProperty("elders").EnumerateArray().ToDictionary(e => e.GetProperty("elderName").GetString()!,
            e => e.GetProperty("line"));
        Assert.Equal(["一餐户", "两餐户"], elders.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, elders["两餐户"].GetProperty("meals").GetInt32());
        Assert.Equal(900, elders["一餐户"].GetProperty("subsidyFen").GetInt64()); // 特困: the subsidy covers the whole 9 yuan set
        Assert.Equal(0, elders["一餐户"].GetProperty("ownShareFen").GetInt64());

        var december = await (await app.Staff.GetAsync($"/api/meals/billing?month=2026-12&diningPointId={site.Point}")).ReadJson();
        Assert.Equal(0, december.GetProperty("total").GetProperty("meals").GetInt32());
        var xlsx = await app.Staff.GetAsync($"/api/meals/billing.xlsx?month=2026-11&diningPointId={site.Point}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_billing_checks_the_month_and_keeps_to_the_scope()
    {
        var mine = await ArrangeSite();
        var other = await ArrangeSite(region: Make.Panlong);
        (await Order(await ArrangeElder(other, region: Make.Panlong))).EnsureSuccessStatusCode();
        await (await app.Staff.GetAsync("/api/meals/billing?month=2026-13")).AssertFieldError("month");
        await (await app.Staff.GetAsync("/api/meals/billing.xlsx?month=11/2026")).AssertFieldError("month");
        await (await app.Staff.GetAsync($"/api/meals/billing?diningPointId={Guid.NewGuid()}")).AssertProblem(HttpStatusCode.NotFound);

        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        await (await officer.GetAsync($"/api/meals/billing?diningPointId={other.Point}")).AssertProblem(HttpStatusCode.NotFound);
        var seen = (await (await officer.GetAsync("/api/meals/billing?month=2026-11")).ReadJson()).GetProperty("diningPoints").EnumerateArray()
            .Select(p => p.GetProperty("diningPointId").GetGuid()).ToList();
        Assert.DoesNotContain(other.Point, seen);
        var op = await app.ClientAs(Role.Operator, facilities: [mine.Facility]);
        await (await op.GetAsync($"/api/meals/billing.xlsx?diningPointId={other.Point}")).AssertProblem(HttpStatusCode.NotFound);
        (await op.GetAsync($"/api/meals/billing?diningPointId={mine.Point}")).EnsureSuccessStatusCode();
        var evaluator = await app.ClientAs(Role.Evaluator);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync("/api/meals/billing")).StatusCode);
    }

    [Fact]
    public async Task Sites_are_edited_with_the_checks_of_registering_and_orders_keep_their_kitchen()
    {
        var site = await ArrangeSite();
        var second = await ArrangeSite(menu: false);
        var order = await Created(await Order(await ArrangeElder(site)));

        var kitchen = await (await app.Staff.PutJson($"/api/meals/kitchens/{site.Kitchen}", new { name = "改名厨房", facilityId = site.Facility }))
            .ReadJson();
        Assert.Equal("改名厨房", kitchen.GetProperty("name").GetString());
        await (await app.Staff.PutJson($"/api/meals/kitchens/{site.Kitchen}", new { name = "" })).AssertFieldError("name");
        await (await app.Staff.PutJson($"/api/meals/kitchens/{Guid.NewGuid()}", new { name = "无" })).AssertProblem(HttpStatusCode.NotFound);

        var point = await (await app.Staff.PutJson($"/api/meals/dining-points/{site.Point}", new
        {
            name = "改名助餐点", facilityId = site.Facility, kitchenId = second.Kitchen, location = new { lat = 29.41, lng = 105.61 },
        })).ReadJson();
        Assert.Equal(second.Kitchen, point.GetProperty("kitchenId").GetGuid());
        Assert.Equal(29.41, point.GetProperty("location").GetProperty("lat").GetDouble());
        await (await app.Staff.PutJson($"/api/meals/dining-points/{site.Point}", new { name = "点", facilityId = site.Facility }))
            .AssertFieldError("kitchenId");
        Assert.Equal(site.Kitchen, (await (await app.Staff.GetAsync($"/api/meals/orders/{order}")).ReadJson()).GetProperty("kitchenId").GetGuid());

        var other = await ArrangeSite(region: Make.Panlong, menu: false);
        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        await (await officer.PutJson($"/api/meals/kitchens/{other.Kitchen}", new { name = "越界" })).AssertProblem(HttpStatusCode.NotFound);
        await (await officer.PutJson($"/api/meals/dining-points/{other.Point}", new { name = "越界" })).AssertProblem(HttpStatusCode.NotFound);
        await (await officer.PutJson($"/api/meals/kitchens/{site.Kitchen}", new { name = "越界", regionCode = Make.Panlong }))
            .AssertFieldError("regionCode");
        var op = await app.ClientAs(Role.Operator, facilities: [site.Facility]);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PutJson($"/api/meals/kitchens/{site.Kitchen}", new { name = "运营方" })).StatusCode);
    }

    // ADR 0023: placeholder figures carry 待确认 until the district confirms them.

    [Fact]
    public async Task Seeded_rates_are_unconfirmed_placeholders_the_district_alone_confirms_audited()
    {
        var rates = (await (await app.Staff.GetAsync("/api/meals/subsidy-rates")).ReadJson()).EnumerateArray().ToList();
        var seeded = rates.Where(r => r.GetProperty("effectiveFrom").GetString() == "2020-01-03").ToList();
        Assert.Equal(5, seeded.Count);
        Assert.All(seeded, r =>
        {
            Assert.False(r.GetProperty("confirmed").GetBoolean());
            Assert.Equal("占位数值，政策未规定", r.GetProperty("source").GetString());
        });
        Assert.Contains("待确认", await (await app.Staff.GetAsync("/meals")).Content.ReadAsStringAsync());

        var subsistence = seeded.Single(r => r.GetProperty("group").GetString() == "subsistence").GetProperty("id").GetString();
        var path = $"/api/meals/subsidy-rates/{subsistence}/confirm";
        foreach (var role in new[] { Role.TownOfficer, Role.Evaluator })
        {
            var other = await app.ClientAs(role, region: role == Role.TownOfficer ? Make.Changyuan : null);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostJson(path, new { source = "镇街认为可以" })).StatusCode);
        }
        await (await app.Staff.PostJson(path, new { source = " " })).AssertFieldError("source");
        await (await app.Staff.PostJson($"/api/meals/subsidy-rates/{Guid.NewGuid()}/confirm", new { source = "荣民政发〔2026〕1号" }))
            .AssertProblem(HttpStatusCode.NotFound);

        var confirmed = await (await app.Staff.PostJson(path, new { source = "荣民政发〔2026〕1号" })).ReadJson();
        Assert.True(confirmed.GetProperty("confirmed").GetBoolean());
        Assert.Equal("荣民政发〔2026〕1号", confirmed.GetProperty("source").GetString());
        Assert.False(string.IsNullOrEmpty(confirmed.GetProperty("confirmedBy").GetString()));
        await (await app.Staff.PostJson(path, new { source = "再确认" })).AssertProblem(HttpStatusCode.Conflict);

        var audit = await (await (await app.ClientAs(Role.Auditor)).GetAsync("/api/audit?action=data.write")).Content.ReadAsStringAsync();
        Assert.Contains($"POST {path}", audit);
    }

    [Fact]
    public async Task A_rate_the_district_enters_is_confirmed_with_the_district_as_source()
    {
        var r = await (await app.Staff.PostJson("/api/meals/subsidy-rates",
            new { group = "incapacitated", effectiveFrom = "2027-01-01", perMealFen = 600 })).ReadJson();
        Assert.True(r.GetProperty("confirmed").GetBoolean());
        Assert.StartsWith("区民政局录入", r.GetProperty("source").GetString());
    }

    [Fact]
    public async Task The_billing_marks_subsidies_paid_at_an_unconfirmed_rate_in_the_API_page_and_export()
    {
        var site = await ArrangeSite();
        var elder = await ArrangeElder(site, name: "占位户"); // 76, no category: the general group, at the seeded 2-yuan placeholder rate
        (await Order(elder)).EnsureSuccessStatusCode();

        var billing = await (await app.Staff.GetAsync($"/api/meals/billing?month=2026-11&diningPointId={site.Point}")).ReadJson();
        Assert.Equal(1, billing.GetProperty("total").GetProperty("unconfirmedMeals").GetInt32());
        Assert.True(billing.GetProperty("total").GetProperty("unconfirmed").GetBoolean());
        var page = await (await app.Staff.GetAsync($"/meals/billing?month=2026-11&diningPointId={site.Point}")).Content.ReadAsStringAsync();
        Assert.Contains("按待确认的补贴标准计算", page);

        var xlsx = await app.Staff.GetAsync($"/api/meals/billing.xlsx?month=2026-11&diningPointId={site.Point}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var row = (IDictionary<string, object?>)MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "按老年人").First();
        Assert.Equal("待确认", row["补贴标准"]);
        Assert.Equal(1d, Convert.ToDouble(row["按待确认标准补贴的餐数"], System.Globalization.CultureInfo.InvariantCulture));
    }
}
