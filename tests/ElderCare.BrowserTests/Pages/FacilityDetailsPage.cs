namespace ElderCare.BrowserTests.Pages;

/// <summary>设施详情 (/facilities/{id}): all fields, status history and the Attachment 1 compliance findings.</summary>
public sealed class FacilityDetailsPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Flash => page.GetByRole(AriaRole.Status);

    public ILocator Findings => page.GetByRole(AriaRole.Region, new() { Name = "建设标准检查" }).GetByRole(AriaRole.Listitem);

    public ILocator Finding(string text) => Findings.Filter(new() { HasText = text });

    public ILocator Verdict => page.GetByRole(AriaRole.Region, new() { Name = "建设标准检查" }).GetByText("必备要求");

    /// <summary>The 坐标（WGS-84） fact: "lat, lng".</summary>
    public ILocator Coordinates => page.Locator("dt", new() { HasText = "坐标（WGS-84）" }).Locator("xpath=following-sibling::dd[1]");

    public ILocator EditLink => page.GetByRole(AriaRole.Link, new() { Name = "修改", Exact = true });
}
