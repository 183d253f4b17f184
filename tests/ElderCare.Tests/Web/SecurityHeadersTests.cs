using System.Net;
using System.Text;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ElderCare.Tests.Web;

/// <summary>
/// 等保 / OWASP response headers on every response, error responses included (the exception handler and the status
/// pages rewrite the response); no-store on the API and on signed-in pages; no Server banner.
/// </summary>
public class SecurityHeadersTests(SecurityHeadersTests.Factory app) : IClassFixture<SecurityHeadersTests.Factory>
{
    /// <summary>The password that makes the test host's password hasher throw (no input of the real app gives a 500).</summary>
    public const string Boom = "Boom#Password2026";

    public sealed class Factory : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Scoped<IPasswordHasher<AppUser>, ThrowingHasher>()));
        }
    }

    private sealed class ThrowingHasher : PasswordHasher<AppUser>
    {
        public override PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword) =>
            providedPassword == Boom ? throw new InvalidOperationException("boom") : base.VerifyHashedPassword(user, hashedPassword,
                providedPassword);
    }

    private static void AssertHeaders(HttpResponseMessage r)
    {
        var csp = r.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", r.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", r.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(r.Headers.Contains("Server"));
    }

    private static void AssertNoStore(HttpResponseMessage r) => Assert.True(r.Headers.CacheControl?.NoStore,
        $"no no-store on {r.RequestMessage!.RequestUri}");

    [Fact]
    public async Task A_500_keeps_the_headers()
    {
        var page = await app.Browser().PostSignIn("nobody", Boom);
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        AssertHeaders(page);
        var api = await app.CreateClient().PostJson("/api/auth/token", new { userName = "nobody", password = Boom });
        await api.AssertProblem(HttpStatusCode.InternalServerError);
        AssertHeaders(api);
        AssertNoStore(api);
    }

    [Fact]
    public async Task A_400_from_a_body_that_is_not_json_keeps_the_headers()
    {
        var r = await app.Staff.PostAsync("/api/elders", new StringContent("{ not json", Encoding.UTF8, "application/json"));
        await r.AssertProblem(HttpStatusCode.BadRequest);
        AssertHeaders(r);
        AssertNoStore(r);
    }

    [Fact]
    public async Task A_413_keeps_the_headers()
    {
        var r = await app.Staff.PostAsync("/api/elders", new StringContent(new string('x', 1024 * 1024 + 10), Encoding.UTF8, "application/json"));
        await r.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
        AssertHeaders(r);
    }

    [Fact]
    public async Task A_404_page_and_a_401_problem_keep_the_headers()
    {
        var page = await app.Staff.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        AssertHeaders(page);
        var anonymous = await app.CreateClient().GetAsync("/api/elders");
        await anonymous.AssertProblem(HttpStatusCode.Unauthorized);
        AssertHeaders(anonymous);
    }

    [Fact]
    public async Task Api_answers_and_signed_in_pages_are_not_stored_static_files_are()
    {
        var list = await app.Staff.GetAsync("/api/elders");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        AssertNoStore(list);
        AssertHeaders(list);

        var browser = await app.BrowserOf(await app.User(Role.DistrictStaff, name: "hdr" + Guid.NewGuid().ToString("N")[..8]));
        var page = await browser.GetAsync("/elders");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        AssertNoStore(page);
        AssertHeaders(page);

        var css = await browser.GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.NotEqual(true, css.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public void Kestrel_sends_no_Server_banner() =>
        Assert.False(app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
}
