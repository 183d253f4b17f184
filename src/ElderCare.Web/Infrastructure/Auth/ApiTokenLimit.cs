using System.Security.Claims;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Infrastructure.Auth;

/// <summary>
/// OWASP API4: the API requests of a person signed in with a bearer token count against one budget per user and minute,
/// <see cref="RateLimitOptions.ApiRequestsPerMinute"/>, whichever node serves them (a <see cref="MinuteBudget"/> in Redis
/// when configured, ADR 32; per node in memory otherwise). Over it, 429 ProblemDetails with Retry-After. The browser's
/// cookie session is not counted here, nor are integration accounts (their own limit, <c>ClientRateLimit</c>), nor the
/// sign-in itself (<see cref="SignInLimiter"/>).
/// </summary>
public sealed class ApiTokenLimit(TimeProvider clock, RateLimitOptions options, ILogger<ApiTokenLimit> logger,
    Cluster.RedisConnection? redis = null)
{
    private readonly MinuteBudget _budget = new("api", clock, redis, logger);

    public int Limit => options.ApiRequestsPerMinute;

    /// <summary>Counts one request of the user: null within the budget, else the wait until the next minute.</summary>
    public ValueTask<TimeSpan?> TakeAsync(string userId) => _budget.TakeAsync(userId, Limit);

    public static string Message(int limit) => $"该令牌所属用户的接口请求过于频繁，已超过每分钟 {limit} 次的上限，请稍后再试。";

    /// <summary>Middleware after authentication: counts the request of a bearer-token user to the API.</summary>
    public static async Task Check(HttpContext http, Func<Task> next)
    {
        if (HostSetup.IsApi(http.Request) && http.User.Identity is { IsAuthenticated: true, AuthenticationType: BearerAuthentication.SchemeName }
            && http.User.FindFirst(ClaimTypes.NameIdentifier)?.Value is { } user)
        {
            var limit = http.RequestServices.GetRequiredService<ApiTokenLimit>();
            if (await limit.TakeAsync(user) is { } wait)
            {
                http.Response.Headers.RetryAfter = SignInLimiter.Seconds(wait);
                await AuthSetup.WriteProblem(http, StatusCodes.Status429TooManyRequests, Message(limit.Limit));
                return;
            }
        }
        await next();
    }
}
