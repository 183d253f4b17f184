using System.Text.Encodings.Web;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ElderCare.Web.Infrastructure.Auth;

/// <summary>API bearer tokens: opaque references to a server-side session, so revocation takes effect at once.</summary>
public sealed class BearerAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        var sessions = Context.RequestServices.GetRequiredService<Sessions>();
        if (await sessions.ValidateAsync(null, token, Context.RequestAborted) is not { } found)
            return AuthenticateResult.Fail("令牌无效、已过期或已撤销。");
        return AuthenticateResult.Success(new AuthenticationTicket(Sessions.Principal(found.User, found.Session, SchemeName), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        await AuthSetup.WriteProblem(Context, StatusCodes.Status401Unauthorized, "请先登录，或令牌已过期、已撤销。");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AuthSetup.WriteProblem(Context, StatusCodes.Status403Forbidden, "当前角色无权执行此操作。");
}
