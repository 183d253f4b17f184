using ElderCare.Web.Features.Access;

namespace ElderCare.BrowserTests;

public sealed class RegionsPageTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    [Fact]
    public async Task 在昌元街道下新增社区_代码有误时提示_改正后出现在区划树中()
    {
        var page = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff));
        var regions = new RegionsPage(page, app.BaseUrl);
        await regions.OpenAsync();

        await regions.AddAsync("昌元街道", "社区", "500153002001", "海棠社区", population: "8200");
        await Expect(await regions.Code.ErrorMessageAsync()).ToContainTextAsync("以上级代码 500153001 开头");
        await Expect(regions.Name).ToHaveValueAsync("海棠社区");
        await Expect(regions.Population).ToHaveValueAsync("8200");

        await regions.Code.FillAsync("500153001001");
        await regions.Add.ClickAsync();

        await Expect(regions.Flash).ToContainTextAsync("已新增社区“海棠社区”");
        var row = regions.TreeRow("海棠社区");
        await Expect(row).ToContainTextAsync("500153001001");
        await Expect(row).ToContainTextAsync("8,200");
    }
}
