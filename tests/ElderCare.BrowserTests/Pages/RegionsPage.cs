namespace ElderCare.BrowserTests.Pages;

/// <summary>镇街与村社区 (/regions): the district tree and the form to add a community or village.</summary>
public sealed class RegionsPage(IPage page, string baseUrl)
{
    public async Task OpenAsync() => await page.GotoAsync(baseUrl + "/regions");

    public ILocator Parent => page.GetByLabel("上级镇街");
    public ILocator Kind => page.GetByLabel("类型");
    public ILocator Code => page.GetByLabel("区划代码");
    public ILocator Name => page.GetByLabel("名称");
    public ILocator Population => page.GetByLabel("常住人口");
    public ILocator Add => page.GetByRole(AriaRole.Button, new() { Name = "新增", Exact = true });
    public ILocator Flash => page.GetByRole(AriaRole.Status);

    public ILocator Tree => page.GetByRole(AriaRole.Table, new() { Name = "荣昌区行政区划" });

    public ILocator TreeRow(string name) => Tree.GetByRole(AriaRole.Row, new() { Name = name });

    public async Task AddAsync(string parent, string kind, string code, string name, string? population = null)
    {
        await Parent.SelectOptionAsync(new SelectOptionValue { Label = parent });
        await Kind.SelectOptionAsync(new SelectOptionValue { Label = kind });
        await Code.FillAsync(code);
        await Name.FillAsync(name);
        if (population is not null) await Population.FillAsync(population);
        await Add.ClickAsync();
    }
}
