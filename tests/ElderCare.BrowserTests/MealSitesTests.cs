using System.Text.RegularExpressions;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Facilities;

namespace ElderCare.BrowserTests;

public sealed class MealSitesTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    [Fact]
    public async Task 登记中央厨房和助餐点_在老人页登记助餐档案_再为老人订餐并取消()
    {
        var facility = await app.FacilityAsync("昌元街道养老服务中心（新助餐）", FacilityType.StreetCenter, "500153001");
        var elder = await app.ElderAsync("李桂芳", Make.WithCheckDigit("50015319420303002"), "500153001", LivingArrangement.Alone);
        var page = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff, displayName: "区民政局 张伟"));
        var meals = new MealPages(page);

        // The kitchen, run by the street centre.
        await page.GotoAsync(app.BaseUrl + "/");
        await new MastheadPart(page).NavLink("助餐").ClickAsync();
        await meals.Button("登记中央厨房").ClickAsync();
        await meals.Save.ClickAsync();
        await Expect(meals.ErrorSummary).ToContainTextAsync("请填写厨房名称");
        await meals.Field("厨房名称").FillAsync("昌元第二中央厨房");
        await meals.Field("运营设施").SelectOptionAsync(new SelectOptionValue { Label = facility.Name });
        await meals.Save.ClickAsync();
        await Expect(meals.Flash).ToContainTextAsync("已登记中央厨房“昌元第二中央厨房”");

        // The dining point: its position is picked on the map.
        await meals.Button("登记助餐点").ClickAsync();
        await meals.Field("助餐点名称").FillAsync("玉屏社区助餐点");
        await meals.Field("所在设施").SelectOptionAsync(new SelectOptionValue { Label = facility.Name });
        await meals.Field("供餐厨房").SelectOptionAsync(new SelectOptionValue { Label = "昌元第二中央厨房" });
        await Expect(meals.Map).ToBeVisibleAsync();
        var box = (await meals.Map.BoundingBoxAsync())!;
        await meals.Map.ClickAsync(new() { Position = new() { X = box.Width / 2 + 30, Y = box.Height / 2 - 20 } });
        await Expect(meals.MapMarker).ToBeVisibleAsync();
        await Expect(meals.Field("纬度（WGS-84）")).ToHaveValueAsync(new Regex(@"^29\.\d{6}$"));
        await meals.Save.ClickAsync();
        await Expect(meals.Flash).ToContainTextAsync("已登记助餐点“玉屏社区助餐点”");

        // The elder's meal record, from the elder's page.
        await page.GotoAsync($"{app.BaseUrl}/elders/{elder.Id}");
        await Expect(meals.MealCard).ToContainTextAsync("未登记助餐档案");
        await meals.MealCard.GetByRole(AriaRole.Link, new() { Name = "登记" }).ClickAsync();
        await meals.Diet("低盐").CheckAsync();
        await meals.Field("助餐点").SelectOptionAsync(new SelectOptionValue { Label = "玉屏社区助餐点" });
        await meals.Field("就餐方式").SelectOptionAsync(new SelectOptionValue { Label = "送餐" });
        await meals.Field("给司机的备注").FillAsync("住三楼，敲门后稍等");
        await meals.Save.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/elders/{elder.Id}$"));
        await Expect(meals.MealCard).ToContainTextAsync("玉屏社区助餐点");
        await Expect(meals.MealCard).ToContainTextAsync("低盐");
        await Expect(meals.MealCard).ToContainTextAsync("住三楼");

        // Today's lunch menu of the new kitchen, then the order.
        await new MastheadPart(page).NavLink("助餐").ClickAsync();
        await meals.Kitchens.GetByRole(AriaRole.Row, new() { Name = "昌元第二中央厨房" }).GetByRole(AriaRole.Link, new() { Name = "菜单" }).ClickAsync();
        await meals.SetName(1).FillAsync("低盐套餐");
        await meals.SetDishes(1).FillAsync("清蒸鱼、炒青菜、米饭");
        await meals.SetSuits(1, "低盐").CheckAsync();
        await meals.SaveMenu.ClickAsync();
        await Expect(meals.Flash).ToContainTextAsync("午餐菜单");

        await meals.Tab("当日订餐").ClickAsync();
        await meals.DiningPoint.SelectOptionAsync(new SelectOptionValue { Label = "玉屏社区助餐点" });
        await meals.Show.ClickAsync();
        await meals.ChooseElderAsync("李桂芳");
        await meals.PlaceOrder.ClickAsync();
        await Expect(meals.Flash).ToContainTextAsync("已为李桂芳订午餐：A 低盐套餐，送餐");
        await Expect(meals.Orders).ToContainTextAsync("已订餐");

        // Cancelled after confirming.
        await meals.Orders.GetByText("取消订餐").ClickAsync();
        await meals.Orders.GetByRole(AriaRole.Button, new() { Name = "确认取消" }).ClickAsync();
        await Expect(meals.Flash).ToContainTextAsync("已取消李桂芳");
        await Expect(meals.Orders).ToContainTextAsync("已取消");
    }
}
