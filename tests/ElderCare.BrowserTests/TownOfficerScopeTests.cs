using System.Text.RegularExpressions;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;

namespace ElderCare.BrowserTests;

public sealed class TownOfficerScopeTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    private const string Changyuan = "500153001";
    private const string Panlong = "500153009";

    [Fact]
    public async Task 昌元街道的镇街用户_只看到本街道的覆盖情况和设施_打开盘龙镇设施的地址得到404()
    {
        var ours = await app.FacilityAsync("昌元街道养老服务中心（镇街范围测试）", FacilityType.StreetCenter, Changyuan);
        var theirs = await app.FacilityAsync("盘龙镇养老服务中心（镇街范围测试）", FacilityType.TownCenter, Panlong);
        var officer = await app.UserAsync(Role.TownOfficer, region: Changyuan);
        var page = await chromium.NewSignedInPageAsync(app, officer);

        // The dashboard: one street, its own.
        var dashboard = new DashboardPage(page, app.BaseUrl);
        await dashboard.OpenAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
        await Expect(dashboard.UnitRow("昌元街道")).ToBeVisibleAsync();
        await Expect(dashboard.CoverageTable.GetByRole(AriaRole.Row)).ToHaveCountAsync(2); // header + 昌元街道
        await Expect(dashboard.UnitRow("盘龙镇")).ToHaveCountAsync(0);

        // The facility list: only 昌元's.
        var list = new FacilityListPage(page, app.BaseUrl);
        await list.OpenAsync();
        await Expect(list.FacilityLink(ours.Name)).ToBeVisibleAsync();
        await Expect(list.Rows).ToHaveCountAsync(1);
        await Expect(page.GetByText(theirs.Name)).ToHaveCountAsync(0);
        await Expect(list.RegionFilter.Locator("option", new() { HasText = "盘龙镇" })).ToHaveCountAsync(0);

        // Its own facility opens; the address of one in 盘龙镇 answers 404 and shows nothing of it.
        var mine = await page.GotoAsync($"{app.BaseUrl}/facilities/{ours.Id}");
        Assert.Equal(200, mine!.Status);
        await Expect(new FacilityDetailsPage(page).Heading).ToContainTextAsync(ours.Name);

        var response = await page.GotoAsync($"{app.BaseUrl}/facilities/{theirs.Id}");
        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("未找到");
        await Expect(page.GetByText(theirs.Name)).ToHaveCountAsync(0);
        await Expect(page.GetByText("盘龙镇")).ToHaveCountAsync(0);

        // Nor can its edit form be reached.
        var edit = await page.GotoAsync($"{app.BaseUrl}/facilities/{theirs.Id}/edit");
        Assert.Equal(404, edit!.Status);
        await Expect(page.GetByText(theirs.Name)).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(new Regex("/edit$"));

        // Managing users and reading the audit trail are not a town officer's.
        await page.GotoAsync(app.BaseUrl + "/users");
        await Expect(page).ToHaveURLAsync(new Regex("/account/denied"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("无权访问");
        await page.GotoAsync(app.BaseUrl + "/audit");
        await Expect(page).ToHaveURLAsync(new Regex("/account/denied"));
        await Expect(new MastheadPart(page).NavLink("用户管理")).ToHaveCountAsync(0);
    }
}
