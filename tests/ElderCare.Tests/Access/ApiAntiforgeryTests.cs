using System.Net;
using System.Net.Http.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;

namespace ElderCare.Tests.Access;

/// <summary>
/// An API write authenticated by the sign-in cookie needs the antiforgery token in the RequestVerificationToken header
/// (as a page's form needs it in the form); bearer tokens need none, since a browser never adds them by itself.
/// </summary>
[Collection(nameof(SharedApp))]
public class ApiAntiforgeryTests(AppFactory app)
{
    private async Task<HttpClient> SignedInBrowser() =>
        await app.BrowserOf(await app.User(Role.DistrictStaff, name: "af" + Guid.NewGuid().ToString("N")[..8]));

    [Fact]
    public async Task A_cookie_authenticated_api_write_without_the_token_is_403_in_Chinese()
    {
        var browser = await SignedInBrowser();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/auth/me")).StatusCode); // reads need no token
        var problem = await (await browser.PostJson("/api/elders", new { name = "" })).AssertProblem(HttpStatusCode.Forbidden);
        Assert.Contains("RequestVerificationToken", problem.GetProperty("detail").GetString());
        Assert.Contains("防伪令牌", problem.GetProperty("detail").GetString());

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/elders") { Content = JsonContent.Create(new { name = "" }) };
        request.Headers.Add("RequestVerificationToken", "forged");
        await (await browser.SendAsync(request)).AssertProblem(HttpStatusCode.Forbidden);
        await (await browser.PostAsync("/api/auth/logout", null)).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_cookie_authenticated_api_write_with_the_pages_token_goes_through()
    {
        var browser = await SignedInBrowser();
        var token = await browser.FormToken("/elders/new");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/elders") { Content = JsonContent.Create(new { name = "" }) };
        request.Headers.Add("RequestVerificationToken", token);
        await (await browser.SendAsync(request)).AssertFieldError("name"); // reached the use case
    }

    [Fact]
    public async Task A_bearer_token_needs_no_antiforgery_token() =>
        await (await app.Staff.PostJson("/api/elders", new { name = "" })).AssertFieldError("name");
}
