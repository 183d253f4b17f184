using System.Net;
using System.Text.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;

namespace ElderCare.Tests.Access;

/// <summary>
/// OWASP API4, ADR 32: each user signed in with a bearer token has a budget of API requests per clock minute
/// (RateLimits:ApiRequestsPerMinute, here 5); over it, 429 ProblemDetails in Chinese with Retry-After. Without Redis the
/// node counts in memory (the two-node budget through Redis: <c>Cluster.RedisApiLimitTests</c>).
/// </summary>
public class ApiTokenLimitTests(ApiTokenLimitTests.Factory app) : IClassFixture<ApiTokenLimitTests.Factory>
{
    public sealed class Factory : AppFactory
    {
        public Factory() => Settings["RateLimits:ApiRequestsPerMinute"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private const int Budget = 5;

    [Fact]
    public async Task A_token_user_over_the_budget_gets_429_until_the_next_minute_and_another_user_is_not_affected()
    {
        app.Clock.Advance(TimeSpan.FromMinutes(1)); // a minute of its own (the fixture is shared by the class)
        var ct = TestContext.Current.CancellationToken;
        var first = await app.ClientAs(Role.DistrictStaff);
        var other = await app.ClientAs(Role.TownOfficer, Make.Changyuan);
        for (var i = 0; i < Budget; i++) Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/auth/me", ct)).StatusCode);

        var refused = await first.GetAsync("/api/auth/me", ct);
        var problem = await refused.AssertProblem(HttpStatusCode.TooManyRequests);
        Assert.Equal($"该令牌所属用户的接口请求过于频繁，已超过每分钟 {Budget} 次的上限，请稍后再试。", problem.GetProperty("detail").GetString());
        Assert.Equal("60", refused.Headers.GetValues("Retry-After").Single()); // the clock stands on a whole minute
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/auth/me", ct)).StatusCode);

        app.Clock.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal("15", (await first.GetAsync("/api/auth/me", ct)).Headers.GetValues("Retry-After").Single());
        app.Clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/auth/me", ct)).StatusCode);
    }

    [Fact]
    public async Task The_browser_session_is_not_counted()
    {
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var ct = TestContext.Current.CancellationToken;
        var browser = await app.BrowserOf(await app.User(Role.DistrictStaff, name: "limit" + Guid.NewGuid().ToString("N")[..8]));
        for (var i = 0; i < Budget + 2; i++) Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/auth/me", ct)).StatusCode);
    }

    [Fact]
    public async Task Every_operation_a_bearer_token_may_call_declares_the_429()
    {
        var doc = JsonDocument.Parse(await app.Staff.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).RootElement;
        var bearer = 0;
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
            foreach (var op in path.Value.EnumerateObject().Where(o => o.Value.TryGetProperty("security", out _)))
            {
                if (!op.Value.GetProperty("security").EnumerateArray().Any(r => r.TryGetProperty("bearer", out _))) continue;
                bearer++;
                Assert.True(op.Value.GetProperty("responses").TryGetProperty("429", out _), $"{op.Name} {path.Name} 未声明 429");
            }
        Assert.True(bearer > 100, $"only {bearer} operations with bearer security");
    }
}
