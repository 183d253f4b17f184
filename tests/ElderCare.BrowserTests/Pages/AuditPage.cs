namespace ElderCare.BrowserTests.Pages;

/// <summary>审计日志 (/audit): search, paged entries, Excel export of the same search, and the hash-chain check.</summary>
public sealed class AuditPage(IPage page, string baseUrl)
{
    public async Task OpenAsync() => await page.GotoAsync(baseUrl + "/audit");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    private ILocator Search => page.GetByRole(AriaRole.Search, new() { Name = "查询审计日志" });
    public ILocator From => Search.GetByLabel("开始日期");
    public ILocator To => Search.GetByLabel("结束日期");
    public ILocator UserName => Search.GetByLabel("用户名");
    public ILocator Action => Search.GetByLabel("操作");
    public ILocator Outcome => Search.GetByLabel("结果");
    public ILocator Query => Search.GetByRole(AriaRole.Button, new() { Name = "查询" });

    public ILocator Table => page.GetByRole(AriaRole.Table, new() { Name = "审计日志记录" });
    public ILocator Rows => Table.Locator("tbody").GetByRole(AriaRole.Row);

    public ILocator ExportLink => page.GetByRole(AriaRole.Link, new() { Name = "导出 Excel" });
    public ILocator VerifyChain => page.GetByRole(AriaRole.Button, new() { Name = "校验哈希链" });
    public ILocator ChainResult => page.GetByRole(AriaRole.Region, new() { Name = "哈希链校验" }).GetByRole(AriaRole.Status);

    public async Task ChooseAsync(ILocator select, string label) =>
        await select.SelectOptionAsync(new SelectOptionValue { Label = label });
}
