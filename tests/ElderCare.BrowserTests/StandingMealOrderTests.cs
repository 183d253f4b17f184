using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Meals;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.BrowserTests;

/// <summary>A regular diner's standing order: weekdays until paused; the day's orders generated from it, and none once paused.</summary>
public sealed class StandingMealOrderTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    private const string Wednesday = "2026-12-02"; // the clock starts on Tuesday 2026-12-01
    private const string Thursday = "2026-12-03";

    [Fact]
    public async Task 长期订餐_工作日生成订餐_暂停后不再生成()
    {
        var facility = await app.FacilityAsync("昌元街道养老服务中心（长期订餐）", FacilityType.StreetCenter, "500153001");
        var li = await app.ElderAsync("李国华", Make.WithCheckDigit("50015319460303003"), "500153001", LivingArrangement.Alone);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<AppDbContext>();
            var clock = sp.GetRequiredService<TimeProvider>();
            var kitchen = (await RegisterKitchen.Handle(new RegisterKitchen.Input("长期订餐中央厨房", facility.Id, null, "海棠大道 2 号", null),
                DataScope.District, db, clock, default)).Value!;
            var point = (await RegisterDiningPoint.Handle(new RegisterDiningPoint.Input("金桂社区助餐点", facility.Id, kitchen.Id, "金桂社区",
                new ElderCare.Web.Infrastructure.Web.LocationResource(29.40, 105.60)), DataScope.District, db, clock, default)).Value!.Id;
            await SaveMealProfile.Handle(li.Id, new SaveMealProfile.Input([], point, MealMode.DineIn, null, null, null), DataScope.District,
                db, clock, default);
            foreach (var day in new[] { Wednesday, Thursday })
            {
                var set = new SaveMenu.SetInput("A", "家常套餐", 900, ["红烧肉", "米饭"], []);
                Assert.True((await SaveMenu.Handle(new SaveMenu.Input(kitchen.Id, DateOnly.Parse(day), Meal.Lunch, [set]), DataScope.District, db,
                    clock, default)).IsOk);
            }
        }

        var page = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.Operator, facilities: [facility.Id], displayName: "昌元中心 王芳"));
        var meals = new MealPages(page);
        await page.GotoAsync(app.BaseUrl + "/meals/orders");
        await meals.Tab("长期订餐").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "长期订餐", Exact = true })).ToBeVisibleAsync();

        // Lunch on weekdays (Monday to Friday are ticked by default) from today.
        await meals.ChooseElderAsync("李国华");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Expect(meals.Flash).ToContainTextAsync("已登记李国华的长期午餐：周一至周五");
        var list = page.GetByRole(AriaRole.Table, new() { Name = "长期订餐列表" });
        await Expect(list).ToContainTextAsync("进行中");

        // Generate Wednesday's orders: the order is in that day's list.
        await page.GetByLabel("日期", new() { Exact = true }).FillAsync(Wednesday);
        await page.GetByRole(AriaRole.Button, new() { Name = "生成订餐" }).ClickAsync();
        await Expect(meals.Flash).ToContainTextAsync($"已生成 {Wednesday} 的订餐 1 份，跳过 0 份");
        await page.GotoAsync(app.BaseUrl + $"/meals/orders?date={Wednesday}&meal=lunch");
        await Expect(meals.Orders).ToContainTextAsync("李国华");
        await Expect(meals.Orders).ToContainTextAsync("A 家常套餐");

        // Pause it (with confirmation); Thursday then yields none.
        await page.GotoAsync(app.BaseUrl + "/meals/standing");
        await list.GetByText("暂停", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认暂停" }).ClickAsync();
        await Expect(meals.Flash).ToContainTextAsync("已暂停李国华的长期午餐");
        await Expect(list).ToContainTextAsync("已暂停");
        await page.GetByLabel("日期", new() { Exact = true }).FillAsync(Thursday);
        await page.GetByRole(AriaRole.Button, new() { Name = "生成订餐" }).ClickAsync();
        await Expect(meals.Flash).ToContainTextAsync($"已生成 {Thursday} 的订餐 0 份");
        await page.GotoAsync(app.BaseUrl + $"/meals/orders?date={Thursday}&meal=lunch");
        await Expect(page.GetByText("暂无订餐。")).ToBeVisibleAsync();
    }
}
