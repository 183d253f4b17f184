using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Tests.Access;

/// <summary>QUALITY.md S1–S4 through the token endpoint, with the fake clock.</summary>
public class SignInTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<HttpResponseMessage> Token(string user, string password, string? code = null) =>
        await app.CreateClient().PostJson("/api/auth/token", new { userName = user, password, code });

    private async Task<HttpClient> SignedIn(string user, string? code = null)
    {
        var r = await Token(user, AppFactory.Password, code);
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var json = await r.ReadJson();
        Assert.Equal("Bearer", json.GetProperty("tokenType").GetString());
        Assert.Equal(8 * 3600, json.GetProperty("expiresIn").GetInt32());
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", json.GetProperty("accessToken").GetString());
        return client;
    }

    private async Task<string> NewUser(Role role = Role.DistrictStaff, bool canUnmask = false) =>
        (await app.User(role, canUnmask: canUnmask, name: "u" + Guid.NewGuid().ToString("N")[..8])).UserName!;

    [Fact]
    public async Task Unknown_user_and_wrong_password_get_the_same_answer()
    {
        var name = await NewUser();
        var wrong = await (await Token(name, "Wrong#Password2026")).AssertProblem(HttpStatusCode.Unauthorized);
        var unknown = await (await Token("nobody-here", "Wrong#Password2026")).AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Equal(wrong.GetProperty("detail").GetString(), unknown.GetProperty("detail").GetString());
        Assert.Equal(wrong.GetProperty("title").GetString(), unknown.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Five_failures_within_15_minutes_lock_the_account_for_15_minutes()
    {
        var name = await NewUser();
        for (var i = 0; i < 5; i++) await (await Token(name, "Wrong#Password2026")).AssertProblem(HttpStatusCode.Unauthorized);
        // Locked: the right password is refused too.
        await (await Token(name, AppFactory.Password)).AssertProblem(HttpStatusCode.Unauthorized);
        app.Clock.Advance(TimeSpan.FromMinutes(14));
        await (await Token(name, AppFactory.Password)).AssertProblem(HttpStatusCode.Unauthorized);
        app.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await SignedIn(name);
    }

    [Fact]
    public async Task Failures_spread_over_more_than_15_minutes_do_not_lock()
    {
        var name = await NewUser();
        for (var i = 0; i < 4; i++) await Token(name, "Wrong#Password2026");
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        await Token(name, "Wrong#Password2026");
        await SignedIn(name);
    }

    [Fact]
    public async Task Sign_out_ends_the_token()
    {
        var client = await SignedIn(await NewUser());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/regions")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout", null)).StatusCode);
        await (await client.GetAsync("/api/regions")).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Disabling_a_user_ends_every_token_at_once()
    {
        var name = await NewUser();
        var first = await SignedIn(name);
        var second = await SignedIn(name);
        var admin = await app.ClientAs(Role.DistrictAdmin);
        var user = await app.User(Role.DistrictStaff, name: name);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/users/{user.Id}/disable", null)).StatusCode);
        await (await first.GetAsync("/api/regions")).AssertProblem(HttpStatusCode.Unauthorized);
        await (await second.GetAsync("/api/regions")).AssertProblem(HttpStatusCode.Unauthorized);
        await (await Token(name, AppFactory.Password)).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Changing_the_password_ends_every_token_of_the_user()
    {
        var name = await NewUser();
        var client = await SignedIn(name);
        var other = await SignedIn(name);
        await (await client.PostJson("/api/auth/password", new { currentPassword = "wrong", newPassword = "Another#Pass2026" }))
            .AssertFieldError("currentPassword");
        await (await client.PostJson("/api/auth/password", new { currentPassword = AppFactory.Password, newPassword = "short" }))
            .AssertFieldError("newPassword");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostJson("/api/auth/password",
            new { currentPassword = AppFactory.Password, newPassword = "Another#Pass2026" })).StatusCode);
        await (await other.GetAsync("/api/regions")).AssertProblem(HttpStatusCode.Unauthorized);
        await (await client.GetAsync("/api/regions")).AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await Token(name, "Another#Pass2026")).StatusCode);
    }

    [Fact]
    public async Task A_session_ends_after_15_idle_minutes()
    {
        var client = await SignedIn(await NewUser());
        app.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/regions")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        await (await client.GetAsync("/api/regions")).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_session_ends_after_8_hours_however_busy()
    {
        var client = await SignedIn(await NewUser());
        for (var i = 0; i < 47; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(10));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/regions?under=500153001")).StatusCode);
        }
        app.Clock.Advance(TimeSpan.FromMinutes(11)); // 8 h 1 min after sign-in
        await (await client.GetAsync("/api/regions")).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_district_admin_needs_a_TOTP_code_and_a_code_cannot_be_replayed()
    {
        var admin = await app.User(Role.DistrictAdmin, name: "u" + Guid.NewGuid().ToString("N")[..8]);
        var name = admin.UserName!;
        var key = await app.EnrolTwoFactor(admin);
        var missing = await (await Token(name, AppFactory.Password)).AssertProblem(HttpStatusCode.Unauthorized);
        Assert.True(missing.GetProperty("codeRequired").GetBoolean());
        await (await Token(name, AppFactory.Password, "000000")).AssertProblem(HttpStatusCode.Unauthorized);
        var code = Totp.Code(key, Totp.StepAt(app.Clock.GetUtcNow()));
        await SignedIn(name, code);
        await (await Token(name, AppFactory.Password, code)).AssertProblem(HttpStatusCode.Unauthorized); // replay
    }

    [Fact]
    public async Task An_admin_without_two_factor_or_with_a_password_to_change_gets_no_token()
    {
        var admin = await NewUser(Role.DistrictAdmin);
        await (await Token(admin, AppFactory.Password)).AssertProblem(HttpStatusCode.Forbidden);

        var staff = await NewUser();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ElderCare.Web.Data.AppDbContext>();
            await db.Users.Where(u => u.UserName == staff).ExecuteUpdateAsync(u => u.SetProperty(x => x.MustChangePassword, true));
        }
        await (await Token(staff, AppFactory.Password)).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Privileged_roles_must_change_their_password_every_90_days()
    {
        var name = await NewUser(Role.DistrictStaff);
        await SignedIn(name);
        app.Clock.Advance(TimeSpan.FromDays(91));
        await (await Token(name, AppFactory.Password)).AssertProblem(HttpStatusCode.Forbidden);
        var operatorName = await NewUser(Role.Evaluator); // not privileged
        app.Clock.Advance(TimeSpan.FromDays(91));
        await SignedIn(operatorName);
    }

    [Fact]
    public async Task Anonymous_api_requests_get_401_problem_but_health_answers()
    {
        var anonymous = app.CreateClient();
        await (await anonymous.GetAsync("/api/facilities")).AssertProblem(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/api/coverage")).AssertProblem(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/openapi/v1.json")).AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        var bogus = app.CreateClient();
        bogus.DefaultRequestHeaders.Authorization = new("Bearer", "ec_not-a-token");
        await (await bogus.GetAsync("/api/regions")).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Sign_ins_are_audited_with_their_outcome()
    {
        var name = await NewUser();
        await Token(name, "Wrong#Password2026");
        await SignedIn(name);
        var auditor = await app.ClientAs(Role.Auditor);
        var rows = (await (await auditor.GetAsync($"/api/audit?userName={name}&action=auth.sign-in")).ReadJson()).GetProperty("items")
            .EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("outcome").GetString() == "failure" && r.GetProperty("detail").GetString() == "wrong-password");
        Assert.Contains(rows, r => r.GetProperty("outcome").GetString() == "success");
    }
}

/// <summary>QUALITY.md S2: per-address rate limiting on sign-in.</summary>
public class SignInRateLimitTests(SignInRateLimitTests.Factory app) : IClassFixture<SignInRateLimitTests.Factory>
{
    public sealed class Factory : AppFactory
    {
        public Factory() => Settings["Security:SignInAttemptsPerMinute"] = "3";
    }

    [Fact]
    public async Task The_fourth_attempt_within_a_minute_is_429()
    {
        var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJson("/api/auth/token", new { userName = "x", password = "y" })).StatusCode);
        await (await client.PostJson("/api/auth/token", new { userName = "x", password = "y" })).AssertProblem(HttpStatusCode.TooManyRequests);
    }
}
