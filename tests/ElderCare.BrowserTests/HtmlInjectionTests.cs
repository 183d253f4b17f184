using System.Net;
using System.Text;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.BrowserTests;

/// <summary>
/// ADR 0019: a string handed to a client-side library (Leaflet tooltips and popups, ECharts labels) is text, never HTML.
/// An elder named like a script is shown by its name on every page that draws a map or a chart, and runs nothing.
/// </summary>
public sealed class HtmlInjectionTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    private const string Name = "<img src=x onerror=window.__pwned=1>";

    private static async Task AssertNothingRan(IPage page, string where) =>
        Assert.True(await page.EvaluateAsync<string>("typeof window.__pwned") == "undefined", $"{where}: the elder's name ran as HTML");

    [Fact]
    public async Task 老人姓名像一段脚本时_接警台地图提示_首页图表和老人页面都只把它当文字显示()
    {
        var elder = await app.ElderAsync(Name, "500153194505050033", "500153001", LivingArrangement.Alone);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // A home on the map: the console draws a marker for each open alarm's home.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.Elders.FindAsync(elder.Id);
            stored!.Latitude = 29.4051;
            stored.Longitude = 105.5942;
            await db.SaveChangesAsync();
        }
        using var device = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/alarms")
        {
            Content = new StringContent(
                $$$"""{"kind":"sos","occurredAt":"{{{app.Clock.GetUtcNow():O}}}","location":{"lat":29.4051,"lng":105.5942}}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Device-Key", await app.DeviceKeyAsync(elder.Id, "XSS-"));
        request.Headers.Add("Idempotency-Key", "xss-sos-1");
        Assert.Equal(HttpStatusCode.Created, (await device.SendAsync(request)).StatusCode);

        var page = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff, displayName: "区值班员 周敏"));
        await page.GotoAsync(app.BaseUrl + "/alarms");
        var card = page.Locator("article[data-alarm-id]", new() { HasText = Name });
        await Expect(card).ToBeVisibleAsync();
        // The console redraws its map on the re-read after connecting; hover once that is done.
        await Expect(page.Locator("[data-alarm-cards][data-live=true]")).ToHaveCountAsync(1, new() { Timeout = 15000 });
        // The map marker's tooltip (Leaflet renders a string tooltip as HTML): open it and read it.
        var marker = page.Locator("[data-alarm-map-canvas] path.leaflet-interactive").First;
        await Expect(marker).ToBeVisibleAsync();
        await marker.HoverAsync(new() { Force = true });
        var tooltip = page.Locator(".leaflet-tooltip");
        await Expect(tooltip).ToContainTextAsync(Name);
        await Expect(tooltip.Locator("img")).ToHaveCountAsync(0);
        await AssertNothingRan(page, "接警台");

        await page.GotoAsync(app.BaseUrl + "/");
        await Expect(page.Locator("[data-chart='build-progress'][data-chart-ready=true]")).ToHaveCountAsync(1, new() { Timeout = 15000 });
        var chart = page.Locator("[data-chart='build-progress'] canvas").First;
        await chart.HoverAsync(new() { Force = true });
        await AssertNothingRan(page, "首页图表");

        await page.GotoAsync($"{app.BaseUrl}/elders/{elder.Id}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Name })).ToBeVisibleAsync();
        await AssertNothingRan(page, "老人详情");

        await page.GotoAsync($"{app.BaseUrl}/elders/{elder.Id}/edit");
        await Expect(page.Locator("#name")).ToHaveValueAsync(Name);
        await AssertNothingRan(page, "老人信息修改（位置地图）");
        Assert.Equal(0, await page.Locator("img[src=x]").CountAsync());
    }
}
