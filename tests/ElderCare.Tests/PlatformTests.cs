using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Tests;

[Collection(nameof(SharedApp))]
public class PlatformTests(AppFactory app)
{
    private readonly HttpClient _http = app.Staff;

    [Fact]
    public async Task Health_is_200_once_the_database_is_migrated()
    {
        var r = await _http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("ok", (await r.ReadJson()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_and_its_reference_page_are_served()
    {
        var doc = await (await _http.GetAsync("/openapi/v1.json")).ReadJson();
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/facilities", paths);
        Assert.Contains("/api/coverage", paths);
        Assert.Contains("/api/kpis", paths);
        var page = await _http.GetAsync("/api-docs/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task The_API_reference_is_for_signed_in_roles_that_use_the_API_not_for_caregivers()
    {
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var r = await anonymous.GetAsync("/api-docs/index.html");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Contains("/account/login", r.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var caregiver = await app.ClientAs(ElderCare.Web.Features.Access.Role.Caregiver);
        Assert.Equal(HttpStatusCode.Forbidden, (await caregiver.GetAsync("/api-docs/index.html")).StatusCode);
        Assert.DoesNotContain("href=\"/api-docs\"", await caregiver.GetStringAsync("/todo"), StringComparison.Ordinal);
        Assert.Contains("href=\"/api-docs\"", await _http.GetStringAsync("/todo"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_api_route_is_404_problem() =>
        await (await _http.GetAsync("/api/does-not-exist")).AssertProblem(HttpStatusCode.NotFound);

    [Fact]
    public async Task A_page_that_does_not_exist_is_a_Chinese_html_404()
    {
        var r = await _http.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Equal("text/html", r.Content.Headers.ContentType?.MediaType);
        Assert.Contains("页面不存在", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Responses_carry_the_security_headers()
    {
        var page = await app.CreateClient().GetAsync("/account/login");
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        var cookie = page.Headers.TryGetValues("Set-Cookie", out var cookies) ? string.Join(";", cookies) : "";
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase); // the antiforgery cookie
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_page_without_sign_in_redirects_to_the_sign_in_page()
    {
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var r = await anonymous.GetAsync("/facilities");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Contains("/account/login", r.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_wrong_method_is_405_problem() =>
        await (await _http.DeleteAsync("/api/regions")).AssertProblem(HttpStatusCode.MethodNotAllowed);

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        await using var scope = app.Scope(out var db);
        Assert.Equal(0, await ElderCare.Web.Data.Seed.RongchangSeed.RunAsync(db));
        Assert.Equal(22, await db.Regions.CountAsync());
    }

    [Fact]
    public async Task Both_migration_sets_match_the_model()
    {
        await using var scope = app.Scope(out var db);
        Assert.False(db.Database.HasPendingModelChanges(), $"{db.GetType().Name} has model changes without a migration");
        var other = db is SqliteAppDbContext ? OfflineModels.Postgres() : OfflineModels.Sqlite();
        await using (other)
            Assert.False(other.Database.HasPendingModelChanges(), $"{other.GetType().Name} has model changes without a migration");
    }
}
