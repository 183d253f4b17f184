using System.Text.RegularExpressions;
using ElderCare.Web.Features.Access;

namespace ElderCare.BrowserTests;

public sealed partial class FacilityComplianceTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    [Fact]
    public async Task 登记面积不足且缺功能区的街道中心_详情页列出不符合的建设标准()
    {
        var page = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff));
        var form = new FacilityFormPage(page, app.BaseUrl);
        await form.OpenNewAsync();
        await form.FillBasicsAsync("昌元街道养老服务中心（筹建）", "街道养老服务中心", "昌元街道");
        await form.FloorArea.FillAsync("800");
        await form.BedsTotal.FillAsync("10");
        await form.Zone("休闲娱乐区").CheckAsync();
        await form.Zone("生活照料区").CheckAsync();
        await form.Save.ClickAsync();

        await Expect(page).ToHaveURLAsync(FacilityUrl());
        var details = new FacilityDetailsPage(page);
        await Expect(details.Flash).ToContainTextAsync("已登记");
        await Expect(details.Heading).ToContainTextAsync("昌元街道养老服务中心（筹建）");
        await Expect(details.Verdict).ToContainTextAsync("不符合");
        // 附件1: 街道养老服务中心建筑面积不低于1500平方米; 托养护理区20张以上床位; 7个功能区
        var area = details.Finding("建筑面积不低于1500平方米");
        await Expect(area).ToContainTextAsync("不符合");
        await Expect(area).ToContainTextAsync("必备");
        await Expect(area).ToContainTextAsync("现有800平方米");
        await Expect(details.Finding("功能区域")).ToContainTextAsync("缺少文化教育区");
        await Expect(details.Finding("20张以上养老服务床位")).ToContainTextAsync("不符合");
        await Expect(details.Finding("同址或毗邻")).ToContainTextAsync("建议");
    }

    [GeneratedRegex("/facilities/[0-9a-f-]{36}$")]
    private static partial Regex FacilityUrl();
}
