using System.Text.RegularExpressions;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Meals;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.BrowserTests;

public sealed class MealDayTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    [Fact]
    public async Task 助餐一天_从菜单到订餐到生产单再到送餐路线单()
    {
        // The district has set up a kitchen and a dining point run by a street centre, and two elders' meal records.
        var facility = await app.FacilityAsync("昌元街道养老服务中心（助餐）", FacilityType.StreetCenter, "500153001");
        var zhou = await app.ElderAsync("周德明", "500153194001010038", "500153001", LivingArrangement.Alone);
        var chen = await app.ElderAsync("陈秀兰", Make.WithCheckDigit("50015319450505002"), "500153001", LivingArrangement.Alone);
        Guid point;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<AppDbContext>();
            var clock = sp.GetRequiredService<TimeProvider>();
            var kitchen = (await RegisterKitchen.Handle(new RegisterKitchen.Input("昌元中央厨房", facility.Id, null, "海棠大道 1 号", null),
                DataScope.District, db, clock, default)).Value!;
            point = (await RegisterDiningPoint.Handle(new RegisterDiningPoint.Input("海棠社区助餐点", facility.Id, kitchen.Id, "海棠社区",
                new ElderCare.Web.Infrastructure.Web.LocationResource(29.40, 105.60)), DataScope.District, db, clock, default)).Value!.Id;
            // Chen lives farther from the dining point than Zhou: Zhou is the first stop.
            foreach (var (id, lng) in new[] { (zhou.Id, 105.61), (chen.Id, 105.63) })
            {
                var elder = await db.Elders.FindAsync(id);
                elder!.Latitude = 29.40;
                elder.Longitude = lng;
                elder.Address = id == zhou.Id ? "海棠大道 18 号" : "昌州大道 99 号";
            }
            await db.SaveChangesAsync();
            await SaveMealProfile.Handle(zhou.Id, new SaveMealProfile.Input([], point, MealMode.Delivery, null, null, "敲门后稍等"), DataScope.District,
                db, clock, default);
            await SaveMealProfile.Handle(chen.Id, new SaveMealProfile.Input([DietNeed.Diabetic], point, MealMode.Delivery, null, null, null),
                DataScope.District, db, clock, default);
        }

        // The operator of the centre plans today's lunch.
        var page = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.Operator, facilities: [facility.Id], displayName: "昌元中心 王芳"));
        var meals = new MealPages(page);
        await page.GotoAsync(app.BaseUrl + "/");
        await new MastheadPart(page).NavLink("助餐").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "助餐服务" })).ToBeVisibleAsync();
        await meals.Tab("菜单").ClickAsync();
        await meals.SetName(1).FillAsync("家常套餐");
        await meals.SetDishes(1).FillAsync("红烧肉、炒青菜、米饭");
        await meals.SetName(2).FillAsync("控糖套餐");
        await meals.SetDishes(2).FillAsync("清蒸鱼、凉拌苦瓜、杂粮饭");
        await meals.SetSuits(2, "糖尿病餐（低糖）").CheckAsync();
        await meals.SetSuits(2, "低盐").CheckAsync();
        await meals.SaveMenu.ClickAsync();
        await Expect(meals.Flash).ToContainTextAsync("午餐菜单");
        await Expect(meals.MenuTable("午餐")).ToContainTextAsync("A 家常套餐");
        await Expect(meals.MenuTable("午餐")).ToContainTextAsync("控糖套餐");

        // Orders of the day at the dining point: Zhou gets the ordinary set; for Chen the ordinary set is refused by name.
        await meals.Tab("当日订餐").ClickAsync();
        await meals.DiningPoint.SelectOptionAsync(new SelectOptionValue { Label = "海棠社区助餐点" });
        await meals.Show.ClickAsync();
        await meals.ChooseElderAsync("周德明");
        await meals.PlaceOrder.ClickAsync();
        await Expect(meals.Flash).ToContainTextAsync("已为周德明订午餐：A 家常套餐，送餐");
        await Expect(meals.Flash).ToContainTextAsync("自付");

        await meals.ChooseElderAsync("陈秀兰");
        await meals.Set.SelectOptionAsync("A");
        await meals.PlaceOrder.ClickAsync();
        await Expect(meals.ErrorSummary).ToContainTextAsync("不适合该老年人的饮食需要：糖尿病餐（低糖）");
        await meals.ChooseElderAsync("陈秀兰");
        await meals.Set.SelectOptionAsync("");
        await meals.PlaceOrder.ClickAsync();
        await Expect(meals.Flash).ToContainTextAsync("已为陈秀兰订午餐：B 控糖套餐");
        await Expect(meals.Orders.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);

        // The kitchen's production list: one of each set, one diabetic, two deliveries from the dining point.
        await meals.Tab("生产单").ClickAsync();
        await Expect(meals.SetCounts.GetByRole(AriaRole.Row, new() { Name = "A 家常套餐" })).ToContainTextAsync("1");
        await Expect(meals.SetCounts.GetByRole(AriaRole.Row, new() { Name = "B 控糖套餐" })).ToContainTextAsync("1");
        await Expect(meals.DietCounts).ToContainTextAsync("糖尿病餐（低糖）");
        await Expect(meals.PointCounts.GetByRole(AriaRole.Row, new() { Name = "海棠社区助餐点" })).ToContainTextAsync("2");
        var download = await page.RunAndWaitForDownloadAsync(() => meals.ExportLink.ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);

        // The route sheet of the dining point: Zhou (nearer) first, then Chen.
        await meals.PointCounts.GetByRole(AriaRole.Link, new() { Name = "路线单" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/meals/routes\\?diningPointId="));
        var rows = meals.Stops.GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(1)).ToContainTextAsync("周德明");
        await Expect(rows.Nth(1)).ToContainTextAsync("海棠大道 18 号");
        await Expect(rows.Nth(1)).ToContainTextAsync("敲门后稍等");
        await Expect(rows.Nth(2)).ToContainTextAsync("陈秀兰");
        await Expect(rows.Nth(2)).ToContainTextAsync("糖尿病餐（低糖）");

        // The kitchen records the lunch batch's cooking time but no sample yet: it is listed as 未留样.
        await meals.Tab("食品安全").ClickAsync();
        await meals.CookedAt.FillAsync(app.Clock.ChinaNow.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await meals.RecordBatch.ClickAsync();
        await Expect(meals.Flash).ToContainTextAsync("未留样");
        await Expect(meals.SampleProblems).ToContainTextAsync("昌元中央厨房");
        await Expect(meals.SampleProblems).ToContainTextAsync("未留样");
    }
}
