using Microsoft.EntityFrameworkCore;
using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;

namespace ElderCare.Tests.Meals;

/// <summary>Standing meal orders through the API: register, field errors, scope, generate a day's orders (idempotent), pause.</summary>
[Collection(nameof(SharedApp))]
public class StandingMealOrdersApiTests(AppFactory app)
{
    private const string Monday = "2026-11-30";   // the fake clock's today is Sunday 2026-11-29
    private const string Tuesday = "2026-12-01";

    private sealed record Site(Guid Kitchen, Guid Point);

    private async Task<Site> ArrangeSite(params string[] menuDates)
    {
        var n = Make.Serial();
        var facility = await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan, "长期订餐测试中心"));
        var kitchen = await app.Staff.NewKitchen(facility, $"长期订餐厨房{n}");
        var point = await app.Staff.NewDiningPoint(facility, kitchen, $"长期订餐助餐点{n}");
        foreach (var date in menuDates) (await app.Staff.PostJson("/api/meals/menus", Make.Menu(kitchen, date))).EnsureSuccessStatusCode();
        return new Site(kitchen, point);
    }

    private async Task<Guid> ArrangeElder(Site site, string region = Make.Changyuan)
    {
        var n = Make.Serial();
        var elder = await app.Staff.NewElder(Make.Elder(name: $"长期订餐老人{n}", regionCode: region, address: $"昌元街道海棠路 {n} 号"));
        (await app.Staff.PutJson($"/api/meals/profiles/{elder}", new { diets = Array.Empty<string>(), diningPointId = site.Point, mode = "dine-in" }))
            .EnsureSuccessStatusCode();
        return elder;
    }

    private Task<HttpResponseMessage> Register(Guid elder, string from = Monday, int[]? weekdays = null, string meal = "lunch") =>
        app.Staff.PostJson("/api/meals/standing-orders", new { elderId = elder, meal, weekdays = weekdays ?? [1, 2, 3, 4, 5], fromDate = from });

    private async Task<int> OrdersOf(Guid elder, string date)
    {
        var orders = await (await app.Staff.GetAsync($"/api/meals/orders?date={date}&meal=lunch")).Ok();
        return orders.EnumerateArray().Count(o => o.GetProperty("elderId").GetGuid() == elder && o.GetProperty("status").GetString() != "cancelled");
    }

    [Fact]
    public async Task A_standing_order_is_registered_and_listed_with_its_weekdays()
    {
        var site = await ArrangeSite();
        var elder = await ArrangeElder(site);
        var created = await (await Register(elder)).Created();
        Assert.Equal("周一至周五", created.GetProperty("weekdaysText").GetString());
        Assert.False(created.GetProperty("paused").GetBoolean());
        var list = await (await app.Staff.GetAsync("/api/meals/standing-orders?pageSize=100")).Ok();
        Assert.True(list.GetProperty("total").GetInt32() >= 1);
        // One running standing order per elder and meal.
        await (await Register(elder)).AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Missing_weekdays_a_past_start_and_no_meal_are_400_in_Chinese_on_each_field()
    {
        var site = await ArrangeSite();
        var elder = await ArrangeElder(site);
        var r = await app.Staff.PostJson("/api/meals/standing-orders",
            new { elderId = elder, weekdays = Array.Empty<int>(), fromDate = "2026-11-01" });
        var problem = await r.AssertProblem(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("星期", errors.GetProperty("weekdays")[0].GetString());
        Assert.Contains("今天", errors.GetProperty("fromDate")[0].GetString());
        Assert.Contains("午餐", errors.GetProperty("meal")[0].GetString());
        await (await app.Staff.PostJson("/api/meals/standing-orders", new { meal = "lunch" })).AssertFieldError("elderId");
        Assert.Contains("1 为周一", await (await Register(elder, weekdays: [8])).AssertFieldError("weekdays"));
    }

    [Fact]
    public async Task Another_units_elder_or_dining_point_or_standing_order_is_404_or_refused_on_the_field()
    {
        var site = await ArrangeSite();
        var panlong = await ArrangeElder(site, Make.Panlong);
        var officer = await app.ClientAs(Role.TownOfficer, Make.Changyuan);
        await (await officer.PostJson("/api/meals/standing-orders",
                new { elderId = panlong, meal = "lunch", weekdays = new[] { 1 }, fromDate = Monday }))
            .AssertProblem(HttpStatusCode.NotFound);
        var id = (await (await Register(panlong)).Created()).Id();
        await (await officer.PostAsync($"/api/meals/standing-orders/{id}/pause", null)).AssertProblem(HttpStatusCode.NotFound);
        var pointB = (await ArrangeOtherPoint());
        var own = await ArrangeElder(site);
        var message = await (await officer.PostJson("/api/meals/standing-orders",
            new { elderId = own, meal = "lunch", weekdays = new[] { 1 }, fromDate = Monday, diningPointId = pointB }))
            .AssertFieldError("diningPointId");
        Assert.Contains("管辖范围", message);
    }

    private async Task<Guid> ArrangeOtherPoint()
    {
        var n = Make.Serial();
        var facility = await app.Staff.NewFacility(Make.CentreIn(Make.Panlong, "盘龙助餐中心"));
        var kitchen = await app.Staff.NewKitchen(facility, $"盘龙厨房{n}");
        return await app.Staff.NewDiningPoint(facility, kitchen, $"盘龙助餐点{n}");
    }

    [Fact]
    public async Task Generating_a_day_twice_creates_the_order_once_and_a_paused_standing_order_yields_none()
    {
        var site = await ArrangeSite(Monday, Tuesday);
        var elder = await ArrangeElder(site);
        var id = (await (await Register(elder)).Created()).Id();

        var first = await (await app.Staff.PostAsync($"/api/meals/standing-orders/raise?date={Monday}", null)).Ok();
        Assert.True(first.GetProperty("created").GetInt32() >= 1);
        Assert.Equal(1, await OrdersOf(elder, Monday));
        var second = await (await app.Staff.PostAsync($"/api/meals/standing-orders/raise?date={Monday}", null)).Ok();
        Assert.Equal(1, await OrdersOf(elder, Monday));
        Assert.Contains(second.GetProperty("skips").EnumerateArray(), s =>
            s.GetProperty("standingOrderId").GetGuid() == id && s.GetProperty("reason").GetString() == "当日已有订餐。");

        var paused = await (await app.Staff.PostAsync($"/api/meals/standing-orders/{id}/pause", null)).Ok();
        Assert.Equal("2026-11-29", paused.GetProperty("pausedOn").GetString());
        await (await app.Staff.PostAsync($"/api/meals/standing-orders/{id}/pause", null)).AssertProblem(HttpStatusCode.Conflict);
        (await app.Staff.PostAsync($"/api/meals/standing-orders/raise?date={Tuesday}", null)).EnsureSuccessStatusCode();
        Assert.Equal(0, await OrdersOf(elder, Tuesday));

        (await app.Staff.PostAsync($"/api/meals/standing-orders/{id}/resume", null)).EnsureSuccessStatusCode();
        (await app.Staff.PostAsync($"/api/meals/standing-orders/raise?date={Tuesday}", null)).EnsureSuccessStatusCode();
        Assert.Equal(1, await OrdersOf(elder, Tuesday));
    }

    [Fact]
    public async Task Generating_needs_a_date_not_in_the_past_and_a_readers_post_is_403()
    {
        await (await app.Staff.PostAsync("/api/meals/standing-orders/raise", null)).AssertFieldError("date");
        await (await app.Staff.PostAsync("/api/meals/standing-orders/raise?date=2026-11-01", null)).AssertFieldError("date");
        await (await app.Staff.PostAsync("/api/meals/standing-orders/raise?date=2026-13-01", null)).AssertFieldError("date");
        var evaluator = await app.ClientAs(Role.Evaluator);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostAsync($"/api/meals/standing-orders/raise?date={Monday}", null)).StatusCode);
    }

    [Fact]
    public async Task Register_pause_and_resume_are_each_audited_with_the_elder_and_the_meal()
    {
        var elder = await ArrangeElder(await ArrangeSite(Monday));
        var id = (await (await Register(elder)).Created()).GetProperty("id").GetGuid();
        (await app.Staff.PostJson($"/api/meals/standing-orders/{id}/pause", new { })).EnsureSuccessStatusCode();
        (await app.Staff.PostJson($"/api/meals/standing-orders/{id}/resume", new { })).EnsureSuccessStatusCode();
        await using var scope = app.Scope(out var db);
        var actions = await db.AuditEntries.Where(a => a.Target == $"standing-meal-order/{id}").Select(a => a.Action).ToListAsync();
        Assert.Equal(["meal.standing-order.pause", "meal.standing-order.register", "meal.standing-order.resume"], actions.Order());
    }
}
