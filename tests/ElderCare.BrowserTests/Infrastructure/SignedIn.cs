using System.Net;
using System.Text.RegularExpressions;
using Cookie = Microsoft.Playwright.Cookie;

namespace ElderCare.BrowserTests.Infrastructure;

public static partial class SignedIn
{
    /// <summary>
    /// A fresh, blank page signed in as the user: the sign-in form is posted over HTTP (the code step too, for an account
    /// with two-factor) and the session's cookies are handed to the page's context; the test opens the page it needs.
    /// The sign-in pages themselves are driven in Chromium by <see cref="SignInAsync"/> (the first sign-in of an
    /// administrator, and the flows that sign in on a page they already hold). Rendering them and the landing page
    /// behind them in Chromium for every test was about a fifth of the suite's time (ADR 26).
    /// </summary>
    public static async Task<IPage> NewSignedInPageAsync(this Chromium chromium, AppServer app, TestUser user, int width = 1366, int height = 900,
        bool javaScript = true)
    {
        var page = await chromium.NewPageAsync(width, height, javaScript);
        await page.Context.AddCookiesAsync(await SessionCookiesAsync(app, user));
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

    /// <summary>The cookies of a session signed in through the sign-in form, as a browser would post it.</summary>
    private static async Task<IEnumerable<Cookie>> SessionCookiesAsync(AppServer app, TestUser user)
    {
        var jar = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(app.BaseUrl),
        };
        var next = await PostFormAsync(http, "/account/login", new() { ["userName"] = user.UserName, ["password"] = user.Password });
        if (next.StartsWith("/account/two-factor", StringComparison.Ordinal))
            next = await PostFormAsync(http, next, new() { ["code"] = user.NextCode() });
        if (next.StartsWith("/account", StringComparison.Ordinal))
            throw new InvalidOperationException($"{user.UserName} 登录后被带到 {next}，未直接进入系统");
        return jar.GetAllCookies().Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Url = app.BaseUrl, HttpOnly = c.HttpOnly, SameSite = SameSiteAttribute.Strict,
        });
    }

    /// <summary>Opens the form at the path, posts the fields with its antiforgery token and returns where it redirects.</summary>
    private static async Task<string> PostFormAsync(HttpClient http, string path, Dictionary<string, string> fields)
    {
        var form = await http.GetStringAsync(path);
        fields["__RequestVerificationToken"] = AntiforgeryField().Match(form) is { Success: true } token ? token.Groups[1].Value
            : throw new InvalidOperationException(path + " 没有防伪令牌");
        using var response = await http.PostAsync(path, new FormUrlEncodedContent(fields));
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } to ? to.OriginalString
            : throw new InvalidOperationException($"{path} 登录未通过：{(int)response.StatusCode}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
