using ElderCare.Tests.Map;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.Extensions.DependencyInjection;
using Make = ElderCare.Tests.Infrastructure.Make;

namespace ElderCare.BrowserTests;

/// <summary>The app with a base-map package of its own (Map:TilesFile): a tile for every square around Rongchang at zoom 10–16.</summary>
public sealed class OfflineMapServer : AppServer
{
    public OfflineMapServer() => Settings["Map:TilesFile"] = TilePackage.Create("png",
        from z in Enumerable.Range(10, 7)
        let n = 1 << z
        let x = (int)((Make.HomeLng + 180) / 360 * n)
        let y = (int)((1 - Math.Log(Math.Tan(Make.HomeLat * Math.PI / 180) + 1 / Math.Cos(Make.HomeLat * Math.PI / 180)) / Math.PI) / 2 * n)
        from dx in Enumerable.Range(-4, 9)
        from dy in Enumerable.Range(-4, 9)
        select (z, x + dx, y + dy, TilePackage.Png));
}

/// <summary>养老服务地图: offline tiles, a facility's popup, and a site suggestion that brings elders into the circle.</summary>
public sealed class ServiceMapTests(OfflineMapServer app, Chromium chromium) : IClassFixture<OfflineMapServer>
{
    [Fact]
    public async Task 服务地图_离线底图_点击设施_计算选址建议后服务圈覆盖上升()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var centre = await RegisterFacility.Handle(Make.Facility(name: "昌元街道养老服务中心（地图）"), DataScope.District,
                sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<TimeProvider>(), default);
            Assert.True(centre.IsOk, centre.Message);
            // The street's boundary as the district imports it (a square around the centre, ~2 km a side).
            var (lat, lng) = (Make.HomeLat, Make.HomeLng);
            var square = $"[[[{lng - 0.01},{lat - 0.01}],[{lng + 0.01},{lat - 0.01}],[{lng + 0.01},{lat + 0.01}],[{lng - 0.01},{lat + 0.01}]," +
                $"[{lng - 0.01},{lat - 0.01}]]]";
            var geojson = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"" + Make.Changyuan +
                "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + square + "}}]}";
            var imported = await ElderCare.Web.Features.Map.ImportBoundaries.Handle(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(geojson)),
                DataScope.District, "test", sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<TimeProvider>(), default);
            Assert.True(imported.IsOk, imported.Message);
        }
        var metresNorth = (double m) => new LocationResource(Make.HomeLat + m / 111_195, Make.HomeLng);
        await app.ElderAsync("圈内老人", Make.IdNumber("19600101"), Make.Changyuan, LivingArrangement.WithFamily, location: metresNorth(400));
        await app.ElderAsync("圈外高龄老人", Make.IdNumber("19400101"), Make.Changyuan, LivingArrangement.WithFamily, location: metresNorth(3000));

        var page = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff), 1440, 900);
        await page.GotoAsync(app.BaseUrl + "/map");
        await Expect(page.Locator("[data-reach='elders']")).ToContainTextAsync("50%");
        await Expect(page.Locator("[data-reach='priority']")).ToContainTextAsync("0%");
        // The base map comes from the app's own tile package: no request leaves the machine.
        await Expect(page.Locator("[data-service-map][data-map-ready='true']")).ToBeAttachedAsync();
        await Expect(page.Locator("img.leaflet-tile-loaded[src*='/api/map/tiles/']").First).ToBeAttachedAsync();

        // The street's imported boundary is drawn (the district level shows streets and towns).
        await Expect(page.Locator("[data-service-map][data-boundaries='1']")).ToBeAttachedAsync();
        await Expect(page.Locator("path.service-map__boundary")).ToHaveCountAsync(1);

        await page.Locator("path.service-map__facility").First.ClickAsync();
        await Expect(page.Locator(".leaflet-popup-content")).ToContainTextAsync("昌元街道养老服务中心（地图）");
        // The click draws the facility's 15-minute circle and counts who is inside (400 m × 1.3 ≤ 720 m; 3 km is not).
        await Expect(page.Locator("[data-catchment]")).ToContainTextAsync("内有老年人 1 人，其中重点老年人 0 人");
        await Expect(page.Locator("path.service-map__catchment-circle")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Escape");

        // Elders are drawn as grid cells, never one dot each; a filter and a layer toggle apply at once and stay in the URL.
        await Expect(page.Locator("path.service-map__cell").First).ToBeAttachedAsync();
        await page.GetByLabel("达标情况").SelectOptionAsync("no");
        await Expect(page.Locator("path.service-map__facility")).ToHaveCountAsync(0);
        Assert.Contains("compliant=no", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("达标情况").SelectOptionAsync("");
        await Expect(page.Locator("path.service-map__facility")).ToHaveCountAsync(1);
        await page.GetByLabel("老年人分布（网格）").UncheckAsync();
        await Expect(page.Locator("path.service-map__cell")).ToHaveCountAsync(0);
        Assert.DoesNotContain("layer=density", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator(".field-error")).ToHaveCountAsync(0); // no empty error mark without an error

        await page.GetByLabel("新建站点数").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "计算选址建议" }).ClickAsync();
        await Expect(page.Locator("[data-suggestion-summary]")).ToContainTextAsync("服务圈内老年人 1 → 2 人（50% → 100%）");
        await Expect(page.Locator("[data-suggestion-summary]")).ToContainTextAsync("重点老年人 0 → 1 人");
        await Expect(page.GetByTitle("建议站点 1")).ToBeVisibleAsync();
    }
}
