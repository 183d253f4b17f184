namespace ElderCare.BrowserTests.Pages;

/// <summary>养老服务设施 (/facilities): the filtered, paged list of facilities in the user's scope.</summary>
public sealed class FacilityListPage(IPage page, string baseUrl)
{
    public async Task OpenAsync() => await page.GotoAsync(baseUrl + "/facilities");

    public ILocator Table => page.GetByRole(AriaRole.Table, new() { Name = "设施列表" });

    public ILocator Rows => Table.Locator("tbody").GetByRole(AriaRole.Row);

    public ILocator FacilityLink(string name) => Table.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public ILocator RegionFilter => page.GetByLabel("镇街", new() { Exact = true });
}
