namespace ElderCare.BrowserTests.Infrastructure;

public static class SignedIn
{
    /// <summary>A fresh page signed in as the user through the sign-in pages (with a TOTP code when enrolled).</summary>
    public static async Task<IPage> NewSignedInPageAsync(this Chromium chromium, AppServer app, TestUser user, int width = 1366, int height = 900,
        bool javaScript = true)
    {
        var page = await chromium.NewPageAsync(width, height, javaScript);
        await page.SignInAsync(app, user);
        return page;
    }

    public static async Task SignInAsync(this IPage page, AppServer app, TestUser user)
    {
        var login = new LoginPage(page, app.BaseUrl);
        await login.OpenAsync();
        await login.SubmitPasswordAsync(user.UserName, user.Password);
        if (page.Url.Contains("/account/two-factor", StringComparison.Ordinal))
        {
            await login.SubmitCodeAsync(user.NextCode());
            await page.WaitForURLAsync(url => !url.Contains("/account/two-factor", StringComparison.Ordinal));
        }
    }
}
