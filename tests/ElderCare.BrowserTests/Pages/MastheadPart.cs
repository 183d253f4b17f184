namespace ElderCare.BrowserTests.Pages;

/// <summary>The masthead and main navigation every signed-in page shares.</summary>
public sealed class MastheadPart(IPage page)
{
    public ILocator SignOut => page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "退出", Exact = true });

    public ILocator Nav => page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" });

    public ILocator NavLink(string name) => Nav.GetByRole(AriaRole.Link, new() { Name = name });
}
