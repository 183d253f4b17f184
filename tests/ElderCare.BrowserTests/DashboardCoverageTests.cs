using ElderCare.Web.Features.Access;

namespace ElderCare.BrowserTests;

public sealed class DashboardCoverageTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    [Fact]
    public async Task 在昌元街道登记运营中的街道中心后_首页该街道的街道中心运营数由0变为1()
    {
        var page = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff));
        var dashboard = new DashboardPage(page, app.BaseUrl);
        await dashboard.OpenAsync();
        var centre = dashboard.CoverageCell("昌元街道", "街道养老服务中心");
        await Expect(centre).ToContainTextAsync("运营 0 / 应建 1");
        await Expect(dashboard.KpiValue("街道养老服务中心覆盖率", "0%")).ToBeVisibleAsync();

        var form = new FacilityFormPage(page, app.BaseUrl);
        await form.OpenNewAsync();
        await form.FillBasicsAsync("昌元街道养老服务中心", "街道养老服务中心", "昌元街道");
        await form.ChooseAsync(form.Status, "运营");
        await form.OpenedOn.FillAsync("2020-06-01");
        await form.FloorArea.FillAsync("1600");
        await form.BedsTotal.FillAsync("30");
        await form.BedsNursing.FillAsync("20");
        await form.OperatorName.FillAsync("荣昌区颐养社会工作服务中心");
        // Up to Attachment 1 (ADR 17: only a centre that meets the required rules covers its street).
        foreach (var zone in new[] { "休闲娱乐区", "文化教育区", "生活照料区", "健康管理区", "人文关怀区", "托养护理区", "运营管理区" })
            await form.Zone(zone).CheckAsync();
        await form.Save.ClickAsync();
        await Expect(new FacilityDetailsPage(page).Heading).ToContainTextAsync("昌元街道养老服务中心");

        await dashboard.OpenAsync();
        await Expect(centre).ToContainTextAsync("运营 1 / 应建 1");
        // 6 streets, one now has a running centre: 1/6.
        await Expect(dashboard.KpiValue("街道养老服务中心覆盖率", "16.7%")).ToBeVisibleAsync();

        // The drill-down of the street lists the new centre.
        await dashboard.UnitRow("昌元街道").GetByRole(AriaRole.Link, new() { Name = "昌元街道" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("昌元街道");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "昌元街道养老服务中心", Exact = true })).ToBeVisibleAsync();
    }
}
