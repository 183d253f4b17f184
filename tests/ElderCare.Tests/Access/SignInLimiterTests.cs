using System.Net;
using ElderCare.Tests.Infrastructure;

namespace ElderCare.Tests.Access;

/// <summary>
/// QUALITY.md S2 "plus per-IP rate limiting", 等保 8.1.4.1 b: one budget of sign-in attempts per address (10 a minute),
/// whichever door is used — the sign-in page, its two-factor step or POST /api/auth/token. Spraying one password over
/// many accounts never meets the per-account lockout, so the address budget is what stops it.
/// </summary>
public class SignInLimiterTests(SignInLimiterTests.Factory app) : IClassFixture<SignInLimiterTests.Factory>
{
    public sealed class Factory : AppFactory
    {
        public Factory() => Settings["Security:SignInAttemptsPerMinute"] = "10";
    }

    /// <summary>Each test starts a fresh window on the fake clock (the tests of a class run one after another).</summary>
    private void NewWindow() => app.Clock.Advance(TimeSpan.FromMinutes(2));

    private static async Task AssertPage429(HttpResponseMessage r)
    {
        var html = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.TooManyRequests, $"expected 429, got {(int)r.StatusCode}");
        Assert.Contains("登录尝试过于频繁", html);
        Assert.True(int.Parse(r.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);
    }

    [Fact]
    public async Task Forty_sign_in_posts_with_forty_user_names_from_one_address_are_refused_with_429_after_ten()
    {
        NewWindow();
        var browser = app.Browser();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++) answers.Add((await browser.PostSignIn($"spray-{i}", "Rongchang#Spray2026")).StatusCode);
        Assert.All(answers.Take(10), s => Assert.Equal(HttpStatusCode.OK, s)); // the form again: wrong name or password
        Assert.All(answers.Skip(10), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        await AssertPage429(await browser.PostSignIn("spray-41", "Rongchang#Spray2026"));

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await browser.PostSignIn("spray-42", "Rongchang#Spray2026")).StatusCode);
    }

    [Fact]
    public async Task The_token_api_shares_the_budget_with_the_page()
    {
        NewWindow();
        var browser = app.Browser();
        for (var i = 0; i < 6; i++) Assert.Equal(HttpStatusCode.OK, (await browser.PostSignIn($"page-{i}", "x")).StatusCode);
        var api = app.CreateClient();
        for (var i = 0; i < 4; i++)
            await (await api.PostJson("/api/auth/token", new { userName = $"api-{i}", password = "x" })).AssertProblem(HttpStatusCode.Unauthorized);
        var refused = await api.PostJson("/api/auth/token", new { userName = "api-5", password = "x" });
        var problem = await refused.AssertProblem(HttpStatusCode.TooManyRequests);
        Assert.Contains("登录尝试过于频繁", problem.GetProperty("detail").GetString());
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);
        await AssertPage429(await browser.PostSignIn("page-7", "x"));
    }

    [Fact]
    public async Task The_two_factor_step_spends_the_same_budget()
    {
        NewWindow();
        var browser = app.Browser();
        var token = await browser.FormToken("/account/login");
        for (var i = 0; i < 10; i++)
        {
            var step = await browser.PostAsync("/account/two-factor", new FormUrlEncodedContent(
                [new("code", "123456"), new("__RequestVerificationToken", token)]));
            Assert.Equal(HttpStatusCode.Redirect, step.StatusCode); // no password step pending: back to sign-in
        }
        var eleventh = await browser.PostAsync("/account/two-factor", new FormUrlEncodedContent(
            [new("code", "123456"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.StatusCode);
        await AssertPage429(await browser.PostSignIn("after-2fa", "x"));
        await (await app.CreateClient().PostJson("/api/auth/token", new { userName = "after-2fa", password = "x" }))
            .AssertProblem(HttpStatusCode.TooManyRequests);
    }
}
