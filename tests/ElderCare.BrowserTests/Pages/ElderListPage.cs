namespace ElderCare.BrowserTests.Pages;

/// <summary>老年人 (/elders) and 重点老年人名单 (/elders/priority): the two lists, their filters and tabs.</summary>
public sealed class ElderListPage(IPage page, string baseUrl)
{
    public async Task OpenAsync() => await page.GotoAsync(baseUrl + "/elders");

    public ILocator Tab(string name) => page.GetByRole(AriaRole.Navigation, new() { Name = "老年人名单" }).GetByRole(AriaRole.Link, new() { Name = name });

    private ILocator Filters => page.GetByRole(AriaRole.Search);
    public ILocator Level => Filters.GetByLabel("能力等级");
    public ILocator Group => Filters.GetByLabel("重点类别");
    public ILocator Region => Filters.GetByLabel("区域");
    public ILocator Filter => Filters.GetByRole(AriaRole.Button, new() { Name = "筛选" });

    /// <summary>The table of either list: 老年人列表 or 重点老年人.</summary>
    public ILocator Table => page.GetByRole(AriaRole.Table);
    public ILocator Rows => Table.Locator("tbody").GetByRole(AriaRole.Row);
    public ILocator Row(string name) => Rows.Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = name }) });
    public ILocator Empty => page.GetByText("没有符合条件的");

    public async Task ChooseAsync(ILocator select, string label) =>
        await select.SelectOptionAsync(new SelectOptionValue { Label = label });
}
