namespace ElderCare.BrowserTests.Pages;

/// <summary>登录 (/account/login) and, for accounts with two-factor, 双因素认证 (/account/two-factor).</summary>
public sealed class LoginPage(IPage page, string baseUrl)
{
    public async Task OpenAsync() => await page.GotoAsync(baseUrl + "/account/login");

    public ILocator UserName => page.GetByLabel("用户名", new() { Exact = true });
    public ILocator Password => page.GetByLabel("密码", new() { Exact = true });
    public ILocator SignIn => page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true });
    public ILocator Error => page.GetByRole(AriaRole.Alert);

    public ILocator Code => page.GetByLabel("动态验证码");
    public ILocator Verify => page.GetByRole(AriaRole.Button, new() { Name = "验证并登录" });

    /// <summary>
    /// Fills and submits the password step; returns once the browser has left the sign-in page (the navigation is
    /// committed; what the next page shows is awaited by the caller's locators, so a late load event cannot hang here).
    /// </summary>
    public async Task SubmitPasswordAsync(string userName, string password)
    {
        await UserName.FillAsync(userName);
        await Password.FillAsync(password);
        await SignIn.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.Commit });
    }

    public async Task SubmitCodeAsync(string code)
    {
        await Code.FillAsync(code);
        await Verify.ClickAsync();
    }
}
