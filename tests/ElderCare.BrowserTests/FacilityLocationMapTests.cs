using System.Globalization;
using System.Text.RegularExpressions;
using ElderCare.Web.Features.Access;

namespace ElderCare.BrowserTests;

/// <summary>The location picker on the facility form, with no tile server configured (the default).</summary>
public sealed partial class FacilityLocationMapTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    [Fact]
    public async Task 登记设施_未配置底图时点击地图填入经纬度_保存后详情页显示坐标()
    {
        var page = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff));
        var form = new FacilityFormPage(page, app.BaseUrl);
        await form.OpenNewAsync();
        await form.FillBasicsAsync("昌元街道玉屏社区养老服务站", "社区养老服务站", "昌元街道");
        await Expect(form.Map).ToBeVisibleAsync();
        await Expect(form.MapNote).ToBeVisibleAsync();
        await Expect(form.Latitude).ToHaveValueAsync("");

        // The map opens on Rongchang at zoom 12; a click up and to the right of the centre stays inside the district.
        var box = (await form.Map.BoundingBoxAsync())!;
        await form.Map.ClickAsync(new() { Position = new() { X = box.Width / 2 + 60, Y = box.Height / 2 - 40 } });
        await Expect(form.MapMarker).ToBeVisibleAsync();
        await Expect(form.Latitude).ToHaveValueAsync(SixDecimals());
        await Expect(form.Longitude).ToHaveValueAsync(SixDecimals());
        var lat = double.Parse(await form.Latitude.InputValueAsync(), CultureInfo.InvariantCulture);
        var lng = double.Parse(await form.Longitude.InputValueAsync(), CultureInfo.InvariantCulture);
        Assert.InRange(lat, 29.405, 29.5); // north of the centre
        Assert.InRange(lng, 105.594, 105.7); // east of the centre

        // Typing moves the marker back to the typed point, and the typed numbers are what is saved.
        var clicked = (await form.MapMarker.GetAttributeAsync("style"))!;
        await form.Latitude.FillAsync("29.404800");
        await form.Longitude.FillAsync("105.594200");
        await Expect(form.MapMarker).Not.ToHaveAttributeAsync("style", clicked);

        await form.Map.ClickAsync(new() { Position = new() { X = box.Width / 2 - 50, Y = box.Height / 2 + 30 } });
        await Expect(form.Latitude).Not.ToHaveValueAsync("29.404800");
        var savedLat = await form.Latitude.InputValueAsync();
        var savedLng = await form.Longitude.InputValueAsync();
        Assert.InRange(double.Parse(savedLat, CultureInfo.InvariantCulture), 29.3, 29.405);
        Assert.InRange(double.Parse(savedLng, CultureInfo.InvariantCulture), 105.5, 105.594);

        await form.Save.ClickAsync();
        await Expect(page).ToHaveURLAsync(FacilityUrl());
        var details = new FacilityDetailsPage(page);
        await Expect(details.Flash).ToContainTextAsync("已登记");
        await Expect(details.Coordinates).ToHaveTextAsync($"{Trimmed(savedLat)}, {Trimmed(savedLng)}");
    }

    [Fact]
    public async Task 登记设施_无JavaScript时不显示地图_仍可直接输入经纬度()
    {
        var page = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff), javaScript: false);
        var form = new FacilityFormPage(page, app.BaseUrl);
        await form.OpenNewAsync();
        await form.FillBasicsAsync("昌元街道宝城社区养老服务站", "社区养老服务站", "昌元街道");
        await Expect(form.Map).ToBeHiddenAsync();
        await form.Latitude.FillAsync("29.4048");
        await form.Longitude.FillAsync("105.5942");
        await form.Save.ClickAsync();

        await Expect(page).ToHaveURLAsync(FacilityUrl());
        await Expect(new FacilityDetailsPage(page).Coordinates).ToHaveTextAsync("29.4048, 105.5942");
    }

    /// <summary>The details page shows the stored double, so trailing zeros of the six decimals are gone.</summary>
    private static string Trimmed(string sixDecimals) =>
        double.Parse(sixDecimals, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{2,3}\.\d{6}$")]
    private static partial Regex SixDecimals();

    [GeneratedRegex("/facilities/[0-9a-f-]{36}$")]
    private static partial Regex FacilityUrl();
}
