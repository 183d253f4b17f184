using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.Extensions.DependencyInjection;
using Make = ElderCare.Tests.Infrastructure.Make;

namespace ElderCare.BrowserTests;

/// <summary>公众养老服务地图: signed out, on a 390×844 phone, a town chosen, the nearest facilities with their walk; no personal data.</summary>
public sealed class PublicMapTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    [Fact]
    public async Task 公众地图_未登录_选择镇街_看到最近的设施与步行时间_无个人信息()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var station = Make.Facility(name: "昌元街道养老服务中心（公众）") with { Address = "荣昌区昌元街道海棠路 8 号" };
            var centre = await RegisterFacility.Handle(station, DataScope.District, sp.GetRequiredService<AppDbContext>(),
                sp.GetRequiredService<TimeProvider>(), default);
            Assert.True(centre.IsOk, centre.Message);
        }
        await app.ElderAsync("钱保密", Make.IdNumber("19400101"), Make.Changyuan, LivingArrangement.Alone, phone: "13912340000",
            location: new LocationResource(Make.HomeLat + 0.001, Make.HomeLng));

        var page = await chromium.NewPageAsync(390, 844);
        await page.GotoAsync(app.BaseUrl + "/public/map");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "找身边的养老服务" })).ToBeVisibleAsync();
        var size = await page.Locator("body").EvaluateAsync<string>("b => getComputedStyle(b).fontSize");
        Assert.True(double.Parse(size.Replace("px", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) >= 20, size);

        await page.GetByLabel("或选择镇街、村社区").SelectOptionAsync(Make.Changyuan);
        await page.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        var card = page.Locator("[data-public-facility]").First;
        await Expect(card).ToContainTextAsync("昌元街道养老服务中心（公众）");
        await Expect(card).ToContainTextAsync("步行约");
        await Expect(card).ToContainTextAsync("分钟");
        await Expect(card).ToContainTextAsync("荣昌区昌元街道海棠路 8 号");
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("钱保密", text, StringComparison.Ordinal);
        Assert.DoesNotContain("13912340000", text, StringComparison.Ordinal);
        // Fits the phone: nothing wider than the screen.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"));
    }
}
