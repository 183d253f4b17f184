using System.Text.RegularExpressions;

namespace ElderCare.BrowserTests.Pages;

/// <summary>查看完整个人信息 (/elders/{id}/unmask): reason required, audited, shown once; refused without the permission.</summary>
public sealed class ElderUnmaskPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Refusal => page.GetByRole(AriaRole.Alert);
    public ILocator Reason => page.GetByLabel(new Regex("^查看理由"));
    public ILocator Show => page.GetByRole(AriaRole.Button, new() { Name = "查看完整信息" });
    public ILocator Value => page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("的完整") }).Locator("code");
}
