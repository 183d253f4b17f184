using System.Text.RegularExpressions;
using ElderCare.Web.Features.Access;

namespace ElderCare.BrowserTests;

public sealed partial class FacilityFormErrorTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    [Fact]
    public async Task 填写有误时_错误以中文显示在对应字段旁且保留已填内容()
    {
        var page = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff));
        var form = new FacilityFormPage(page, app.BaseUrl);
        await form.OpenNewAsync();
        await form.FillBasicsAsync("昌元社区养老服务站", "社区养老服务站", "昌元街道");
        await form.FloorArea.FillAsync("三百");      // not a number: caught by the page
        await form.BedsTotal.FillAsync("10");
        await form.BedsNursing.FillAsync("30");     // more nursing beds than beds: caught by the use case
        await form.Save.ClickAsync();

        await Expect(page).ToHaveURLAsync(NewFacilityUrl());
        await Expect(form.ErrorSummary).ToContainTextAsync("提交的数据有误");

        await Expect(form.FloorArea).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(await form.FloorArea.ErrorMessageAsync()).ToContainTextAsync("请填写数字");
        await Expect(form.FloorArea).ToHaveAccessibleDescriptionAsync(new Regex("请填写数字"));
        await Expect(form.FloorArea.Locator("xpath=..")).ToContainTextAsync("请填写数字");
        await Expect(await form.BedsNursing.ErrorMessageAsync()).ToContainTextAsync("护理型床位数不能超过床位总数");
        await Expect(form.BedsTotal).Not.ToHaveAttributeAsync("aria-invalid", "true");

        await Expect(form.Name).ToHaveValueAsync("昌元社区养老服务站");
        await Expect(form.FloorArea).ToHaveValueAsync("三百");
        await Expect(form.BedsNursing).ToHaveValueAsync("30");
        await Expect(form.Region).ToHaveValueAsync("500153001");
        await Expect(form.Type).ToHaveValueAsync("community-station");
    }

    [Fact]
    public async Task 两人同时修改同一设施时_后保存者看到数据冲突提示且保留所填内容()
    {
        var first = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff));
        var mine = new FacilityFormPage(first, app.BaseUrl);
        await mine.OpenNewAsync();
        await mine.FillBasicsAsync("峰高街道养老服务中心", "街道养老服务中心", "峰高街道");
        await mine.Save.ClickAsync();
        var detailsUrl = first.Url;

        var second = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff));
        var theirs = new FacilityFormPage(second, app.BaseUrl);
        await theirs.OpenEditAsync(detailsUrl);
        await mine.OpenEditAsync(detailsUrl);

        await theirs.FloorArea.FillAsync("1500");
        await theirs.SaveChanges.ClickAsync();
        await Expect(second).ToHaveURLAsync(detailsUrl);

        await mine.FloorArea.FillAsync("1800");
        await mine.SaveChanges.ClickAsync();
        await Expect(mine.ConflictAlert).ToContainTextAsync("已被他人修改");
        await Expect(mine.FloorArea).ToHaveValueAsync("1800");
    }

    [GeneratedRegex("/facilities/new$")]
    private static partial Regex NewFacilityUrl();
}
