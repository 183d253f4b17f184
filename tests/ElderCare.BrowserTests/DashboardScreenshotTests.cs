using ElderCare.Web.Features.Access;

namespace ElderCare.BrowserTests;

/// <summary>The dashboard on the seeded district only, so the screenshot in docs/ shows what a fresh install shows.</summary>
public sealed class DashboardScreenshotTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    [Fact]
    public async Task 首页概览_种子数据_保存整页截图()
    {
        var page = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff, displayName: "区民政局 李明"), 1440, 900);
        var dashboard = new DashboardPage(page, app.BaseUrl);
        await dashboard.OpenAsync();
        await Expect(dashboard.Heading).ToHaveTextAsync("全区养老服务全覆盖概览");
        await Expect(dashboard.CoverageTable.GetByRole(AriaRole.Row)).ToHaveCountAsync(22); // header + 21 streets and towns
        await Expect(dashboard.KpiValue("街道养老服务中心覆盖率", "0%")).ToBeVisibleAsync();
        await dashboard.WaitForChartAsync();

        // ELDERCARE_SCREENSHOTS=1 refreshes docs/screenshots; otherwise the picture goes to the temp folder.
        var folder = Environment.GetEnvironmentVariable("ELDERCARE_SCREENSHOTS") == "1"
            ? Path.Combine(RepoPaths.Root(), "docs", "screenshots")
            : Path.Combine(Path.GetTempPath(), "eldercare-screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "dashboard.png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        Assert.True(new FileInfo(file).Length > 50_000, "the screenshot is suspiciously small");
    }

    [Fact]
    public async Task 首页概览_无JavaScript时建设进度仍以表格显示()
    {
        var page = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff), javaScript: false);
        var dashboard = new DashboardPage(page, app.BaseUrl);
        await dashboard.OpenAsync();
        await Expect(dashboard.ProgressTable.GetByRole(AriaRole.Rowheader, new() { Name = "2020年" })).ToBeVisibleAsync();
        await Expect(dashboard.ProgressChart).ToBeEmptyAsync();
    }
}
