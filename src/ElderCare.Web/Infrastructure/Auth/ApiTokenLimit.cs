using System.Globalization;
using System.Security.Claims;
using ElderCare.Web.Features.Integrations;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Infrastructure.Auth;

/// <summary>
/// OWASP API4: API requests made with a bearer token count against a budget per minute, whichever node serves them (a
/// <see cref="MinuteBudget"/> in Redis when configured, ADR 32; per node in memory otherwise) — a person's token against
/// <see cref="RateLimitOptions.ApiRequestsPerMinute"/> per user, an integration account's against its own limit (ADR 29,
/// carried in its token). Over it, 429 ProblemDetails with Retry-After. The browser's cookie session is not counted, nor
/// the sign-in itself (<see cref="SignInLimiter"/>).
/// </summary>
public sealed class ApiTokenLimit(TimeProvider clock, RateLimitOptions options, ILogger<ApiTokenLimit> logger,
    Cluster.RedisConnection? redis = null)
{
    private readonly MinuteBudget _people = new("api", clock, redis, logger);
    private readonly MinuteBudget _clients = new("client", clock, redis, logger);

    public int Limit => options.ApiRequestsPerMinute;

    /// <summary>Counts one request of the user: null within the budget, else the wait until the next minute.</summary>
    public ValueTask<TimeSpan?> TakeAsync(string userId) => _people.TakeAsync(userId, Limit);

    /// <summary>Counts one request of an integration account against its own limit.</summary>
    public ValueTask<TimeSpan?> TakeClientAsync(string clientId, int limit) => _clients.TakeAsync(clientId, limit);

    public static string Message(int limit) => $"该令牌所属用户的接口请求过于频繁，已超过每分钟 {limit} 次的上限，请稍后再试。";

    public static string ClientMessage(int limit) => $"该接口账户的请求过于频繁，已超过每分钟 {limit} 次的上限，请稍后再试。";

    /// <summary>Middleware after authentication: counts the request of a bearer-token user or integration account to the API.</summary>
    public static async Task Check(HttpContext http, Func<Task> next)
    {
        if (HostSetup.IsApi(http.Request) && http.User.Identity is { IsAuthenticated: true } identity)
        {
            var budget = http.RequestServices.GetRequiredService<ApiTokenLimit>();
            var (wait, message) = http.User.FindFirst(ClientCredential.ClientClaim)?.Value is { } client
                ? await ClientAsync(budget, client, http.User)
                : identity.AuthenticationType == BearerAuthentication.SchemeName && http.User.FindFirst(ClaimTypes.NameIdentifier)?.Value is { } user
                    ? (await budget.TakeAsync(user), Message(budget.Limit))
                    : (null, "");
            if (wait is { } retry)
            {
                http.Response.Headers.RetryAfter = SignInLimiter.Seconds(retry);
                await AuthSetup.WriteProblem(http, StatusCodes.Status429TooManyRequests, message);
                return;
            }
        }
        await next();
    }

    private static async Task<(TimeSpan?, string)> ClientAsync(ApiTokenLimit budget, string client, ClaimsPrincipal principal)
    {
        var limit = int.TryParse(principal.FindFirst(ClientCredential.LimitClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture,
            out var l) ? l : 1;
        return (await budget.TakeClientAsync(client, limit), ClientMessage(limit));
    }
}
