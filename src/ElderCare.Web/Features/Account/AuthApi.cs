using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Auth;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElderCare.Web.Features.Account;

public static class AuthApi
{
    public sealed record TokenInput(string? UserName, string? Password, string? Code);

    public sealed record TokenResult(string AccessToken, string TokenType, int ExpiresIn);

    /// <summary>GET /api/auth/me: who is signed in, the role and the data scope.</summary>
    public sealed record SignedInUser(string? UserName, Role? Role, ScopeKind Scope, string? RegionCode, IReadOnlySet<Guid> FacilityIds,
        bool CanUnmask);

    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/auth").WithTags("登录");

        g.MapPost("/token", async Task<Results<Ok<TokenResult>, ProblemHttpResult>> (TokenInput input, SignIn signIn, Sessions sessions,
                CurrentUser current, CancellationToken ct) =>
            {
                var result = await signIn.Handle(input.UserName, input.Password, input.Code, current.Address, ct);
                if (Refusal(result.Status) is { } refused) return refused;
                if (result.Restricted)
                    return TypedResults.Problem(detail: "请先在网页上修改初始（或已过期的）密码、启用双因素认证，再申请令牌。", statusCode: 403);
                var (_, token) = await sessions.StartAsync(result.User!, SessionKind.Token, current.Address, false, ct);
                return TypedResults.Ok(new TokenResult(token!, "Bearer", (int)UserSession.AbsoluteLifetime.TotalSeconds));
            })
            .AllowAnonymous()
            .AddEndpointFilter(SignInLimiter.Filter) // one budget per address with the sign-in page
            .ProducesProblem(StatusCodes.Status401Unauthorized) // openapi: refusals of an anonymous endpoint
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("用用户名、密码（及动态验证码）换取访问令牌；空闲 15 分钟或满 8 小时失效");

        g.MapPost("/logout", async (CurrentUser current, Sessions sessions, Audit.AuditLog audit, CancellationToken ct) =>
            {
                if (current.SessionId is { } sid) await sessions.RevokeAsync(sid, ct);
                await audit.AppendAsync(new(current.Id, current.UserName, "auth.sign-out", $"user/{current.UserName}", Audit.AuditOutcome.Success,
                    current.Address));
                return TypedResults.NoContent();
            })
            .WithSummary("注销当前令牌或会话");

        // Integrations (clients): anonymous with user name + current password, so an API-only account with an initial
        // password can change it without the web page (ChangePassword); signed in, as before.
        g.MapPost("/password", async (ChangePassword.Input input, CurrentUser current, SignIn signIn, Data.AppDbContext db,
                Microsoft.AspNetCore.Identity.UserManager<AppUser> users, Sessions sessions, TimeProvider clock, Audit.AuditLog audit,
                    CancellationToken ct) =>
            {
                var result = await ChangePassword.Handle(input, current, signIn, db, users, sessions, clock, audit, ct);
                return Refusal(result.SignIn) is { } refused ? refused : result.Changed!.ToResult(_ => TypedResults.NoContent());
            })
            .AllowAnonymous()
            .AddEndpointFilter(SignInLimiter.Filter) // a password check: the same address budget as sign-in
            .WithSummary("修改自己的密码（未登录时凭用户名和当前密码，可修改初始密码）；成功后本人所有会话和令牌立即失效，须重新登录");

        g.MapGet("/me", (CurrentUser current) => TypedResults.Ok(new SignedInUser(current.UserName, current.Role, current.Scope.Kind,
                current.Scope.RegionCode, current.Scope.FacilityIds, current.CanUnmask)))
            .WithSummary("当前用户、角色与数据范围");
        return api;
    }

    /// <summary>The 401 of a sign-in that failed, or asks for the second factor; null when the password (and code) passed.</summary>
    private static ProblemHttpResult? Refusal(SignInStatus status) => status switch
    {
        SignInStatus.CodeRequired => TypedResults.Problem(detail: "该账户须提供双因素认证动态验证码（code）。", statusCode: 401,
            extensions: new Dictionary<string, object?> { ["codeRequired"] = true }),
        SignInStatus.Failed => TypedResults.Problem(detail: "用户名或密码错误。", statusCode: 401),
        _ => null,
    };
}
