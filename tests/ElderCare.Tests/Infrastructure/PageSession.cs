using System.Net;
using System.Text.RegularExpressions;
using ElderCare.Web.Features.Access;

namespace ElderCare.Tests.Infrastructure;

/// <summary>The browser's way in: the sign-in page's form with its antiforgery token, then the auth cookie.</summary>
public static partial class PageSession
{
    /// <summary>A client that keeps cookies and does not follow redirects.</summary>
    public static HttpClient Browser(this AppFactory app) =>
        app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A browser signed in as <paramref name="user"/> through the sign-in form (the fixture's password).</summary>
    public static async Task<HttpClient> BrowserOf(this AppFactory app, AppUser user)
    {
        var browser = app.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostSignIn(user.UserName!, AppFactory.Password)).StatusCode);
        return browser;
    }

    /// <summary>The antiforgery token of the form on the page (for this client's cookie and user).</summary>
    public static async Task<string> FormToken(this HttpClient client, string url) => TokenIn(await client.GetStringAsync(url));

    /// <summary>The antiforgery token of the form in a page's HTML.</summary>
    public static string TokenIn(string html) => Token().Match(html).Groups[1].Value;

    /// <summary>Posts the sign-in form (the page's own token) and returns the answer (302 on success).</summary>
    public static async Task<HttpResponseMessage> PostSignIn(this HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var token = await client.FormToken("/account/login");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("userName", userName), new("password", password), new("__RequestVerificationToken", token),
        };
        if (returnUrl is not null) fields.Add(new("returnUrl", returnUrl));
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
