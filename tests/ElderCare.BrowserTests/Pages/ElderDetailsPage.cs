namespace ElderCare.BrowserTests.Pages;

/// <summary>老年人详情 (/elders/{id}): masked personal data, capability level, priority groups and assessment history.</summary>
public sealed class ElderDetailsPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Flash => page.GetByRole(AriaRole.Status);

    public ILocator Basics => page.GetByRole(AriaRole.Region, new() { Name = "基本信息" });

    /// <summary>The value of one fact of 基本信息 (e.g. "身份证号码", "年龄").</summary>
    public ILocator Fact(string term) => Basics.Locator($"dt:text-is('{term}') + dd");

    public ILocator Capability => page.GetByRole(AriaRole.Region, new() { Name = "老年人能力" });
    public ILocator Groups => page.GetByRole(AriaRole.Region, new() { Name = "重点老年人类别" });
    public ILocator History => page.GetByRole(AriaRole.Table, new() { Name = "能力评估记录" });

    public ILocator Assess => page.GetByRole(AriaRole.Link, new() { Name = "录入能力评估" }).First;
    public ILocator ReportLink => History.GetByRole(AriaRole.Link, new() { Name = "打印评估报告" });
}
