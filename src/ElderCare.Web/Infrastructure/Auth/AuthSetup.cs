using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Account;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ElderCare.Web.Infrastructure.Auth;

/// <summary>Sign-in, sessions, authorisation policies, the sign-in budget and security headers (ADR 5, 6, 14).</summary>
public static class AuthSetup
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    private const string Smart = "cookie-or-bearer";

    public static void AddElderCareAccess(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<Sessions>();
        services.AddScoped<SignIn>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton(FieldKeys.Load(config, contentRoot));
        services.AddIdentityCore<AppUser>(o =>
            {
                // The policy itself is PasswordPolicy (等保 8.1.4.1 a); Identity's own rules are switched off.
                o.Password.RequiredLength = PasswordPolicy.MinLength;
                o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<Data.AppDbContext>();
        // PasswordPolicy replaces Identity's validator (whose messages are English) rather than adding to it.
        services.RemoveAll<IPasswordValidator<AppUser>>();
        services.AddScoped<IPasswordValidator<AppUser>, PolicyPasswordValidator>();

        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, "Cookie or bearer", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerAuthentication.SchemeName : CookieScheme)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "eldercare.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/denied";
                o.ExpireTimeSpan = UserSession.AbsoluteLifetime;
                o.SlidingExpiration = false;
                o.Events.OnValidatePrincipal = ValidateCookieSession;
                o.Events.OnRedirectToLogin = ctx => HostSetup.IsApi(ctx.Request)
                    ? WriteProblem(ctx.HttpContext, 401, "请先登录。")
                    : Redirect(ctx);
                o.Events.OnRedirectToAccessDenied = ctx => HostSetup.IsApi(ctx.Request)
                    ? WriteProblem(ctx.HttpContext, 403, "当前角色无权执行此操作。")
                    : Redirect(ctx);
            })
            .AddScheme<AuthenticationSchemeOptions, BearerAuthentication>(BearerAuthentication.SchemeName, null);

        services.AddAuthorization(o =>
        {
            foreach (var (policy, roles) in Roles.Policies.Allowed)
                o.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles.Select(EnumText.Of)));
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });

        services.AddValidatedOptions<SecurityOptions>(config, "Security");
        services.AddSingleton(sp =>
            new SignInLimiter(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<SecurityOptions>().SignInAttemptsPerMinute,
                sp.GetService<Cluster.RedisConnection>(), sp.GetRequiredService<ILogger<SignInLimiter>>()));
        // API limits: one budget of requests per minute for each bearer-token user, over every node with Redis (ADR 32)
        services.AddValidatedOptions<RateLimitOptions>(config, "RateLimits");
        services.AddSingleton<ApiTokenLimit>();
    }

    public static void UseElderCareAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.Use(ApiTokenLimit.Check); // API limits: a bearer-token user's requests per minute, refused ones counted too
        app.Use(ApiAntiforgery.Check);
        app.Use(RestrictedSessions);
        app.UseAuthorization();
        app.UseMiddleware<AuditWrites>();
    }

    /// <summary>Cookie sessions are checked against the server on every request (idle, absolute, revoked, disabled).</summary>
    private static async Task ValidateCookieSession(CookieValidatePrincipalContext ctx)
    {
        var sessions = ctx.HttpContext.RequestServices.GetRequiredService<Sessions>();
        var sid = Guid.TryParse(ctx.Principal?.FindFirst(AccessClaims.Session)?.Value, out var id) ? id : (Guid?)null;
        if (sid is null || await sessions.ValidateAsync(sid, null, ctx.HttpContext.RequestAborted) is null)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieScheme);
        }
    }

    /// <summary>A session that must first change its password or enrol two-factor may only reach those pages.</summary>
    private static async Task RestrictedSessions(HttpContext http, Func<Task> next)
    {
        if (http.User.HasClaim(AccessClaims.Restricted, "true"))
        {
            var path = http.Request.Path;
            var allowed = path.StartsWithSegments("/account") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js")
                          || path.StartsWithSegments("/lib") || path.StartsWithSegments("/health");
            if (!allowed)
            {
                if (HostSetup.IsApi(http.Request))
                    await WriteProblem(http, 403, "请先在网页上修改初始密码或启用双因素认证。");
                else
                    http.Response.Redirect("/account");
                return;
            }
        }
        await next();
    }

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> ctx)
    {
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static async Task WriteProblem(HttpContext http, int status, string detail)
    {
        http.Response.StatusCode = status;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http, ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
        });
    }
}

/// <summary>Identity's password check delegates to <see cref="PasswordPolicy"/>.</summary>
public sealed class PolicyPasswordValidator : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var problems = PasswordPolicy.Check(password, user.UserName);
        return Task.FromResult(problems.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed(problems.Select(p => new IdentityError { Code = "password", Description = p }).ToArray()));
    }
}
