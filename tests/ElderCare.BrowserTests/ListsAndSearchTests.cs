using System.Text.RegularExpressions;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using MiniExcelLibs;

namespace ElderCare.BrowserTests;

/// <summary>
/// Everyday office work: the search box in the header finds an elder by name and opens the record; a list sorted by a
/// column exports exactly its rows, in that order, as an .xlsx (Shared/Sorting.cs, Shared/ListExport.cs).
/// </summary>
public sealed class ListsAndSearchTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    private const string Changyuan = "500153001";

    [Fact]
    public async Task 在页头搜索框输入姓名_看到老年人_点击进入详情()
    {
        var elder = await app.ElderAsync("欧阳秀芝", Make.IdNumber("19390707"), Changyuan, LivingArrangement.Alone);
        var page = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff, displayName: "区民政局 王芳"));
        await page.GotoAsync(app.BaseUrl + "/");

        var box = page.GetByRole(AriaRole.Form, new() { Name = "全站搜索" }).GetByRole(AriaRole.Searchbox);
        await box.FillAsync("欧阳秀");
        await box.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/search"); // posted: what was typed is not in the URL
        var results = page.GetByRole(AriaRole.Region, new() { Name = "搜索结果" });
        var hit = results.GetByRole(AriaRole.Link, new() { Name = "欧阳秀芝" });
        await Expect(hit).ToBeVisibleAsync();
        await Expect(results).ToContainTextAsync("500153********"); // the ID number masked, as on the list
        await hit.ClickAsync();
        await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/elders/{elder.Id}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("欧阳秀芝");

        // One character: a clear message, no search.
        await box.FillAsync("欧");
        await box.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("请至少输入 2 个字再搜索。");
    }

    [Fact]
    public async Task 老年人名单按年龄排序后导出Excel_行和顺序与页面一致()
    {
        var tag = "排序导出";
        foreach (var (name, born) in new[] { ("排序导出乙", "19450303"), ("排序导出甲", "19350101"), ("排序导出丙", "19550505") })
            await app.ElderAsync(name, Make.IdNumber(born), Changyuan, LivingArrangement.WithFamily, phone: "13800001234");
        var page = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff, displayName: "区民政局 李强"));
        await page.GotoAsync($"{app.BaseUrl}/elders?q={Uri.EscapeDataString(tag)}");

        var table = page.GetByRole(AriaRole.Table);
        await table.GetByRole(AriaRole.Link, new() { Name = "年龄" }).ClickAsync(); // youngest first
        await Expect(page).ToHaveURLAsync(new Regex("sort=age&dir=asc"));
        await Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = "年龄" })).ToHaveAttributeAsync("aria-sort", "ascending");
        var shown = await table.Locator("tbody").GetByRole(AriaRole.Rowheader).AllInnerTextsAsync();
        Assert.Equal(["排序导出丙", "排序导出乙", "排序导出甲"], shown.Select(s => s.Trim()));

        // Again: the other way round.
        await table.GetByRole(AriaRole.Link, new() { Name = "年龄" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sort=age&dir=desc"));
        await Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = "年龄" })).ToHaveAttributeAsync("aria-sort", "descending");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "导出 Excel" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        await using var book = File.OpenRead(await download.PathAsync());
        var rows = book.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["排序导出甲", "排序导出乙", "排序导出丙"], rows.Select(r => r["姓名"]?.ToString()));
        Assert.All(rows, r => Assert.Equal("138****1234", r["联系电话"]?.ToString()));
        Assert.All(rows, r => Assert.Contains("********", r["身份证号码"]?.ToString()));
    }
}
