namespace ElderCare.Web.Infrastructure.Auth;

/// <summary>
/// One budget of sign-in attempts per client address (QUALITY.md S2, 等保 8.1.4.1 b "限制非法登录次数"), shared by the
/// sign-in page, its two-factor step and <c>POST /api/auth/token</c>: password spraying across many accounts from one
/// address is throttled whichever door it uses. The per-account lockout (<see cref="Features.Account.SignIn"/>) is the
/// other half. A <see cref="MinuteBudget"/>: with Redis (ADR 32) one budget for all nodes, else per node in memory.
/// </summary>
public sealed class SignInLimiter(TimeProvider clock, int attemptsPerWindow, Cluster.RedisConnection? redis = null,
    ILogger<SignInLimiter>? logger = null)
{
    private readonly MinuteBudget _budget = new("signin", clock, redis,
        (ILogger?)logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

    /// <summary>Counts one attempt from the address; false (with the wait) once the window's budget is spent. Synchronous for
    /// the sign-in pages; without Redis the count completes at once.</summary>
    public bool TryAcquire(string? address, out TimeSpan retryAfter)
    {
        var wait = _budget.TakeAsync(address ?? "unknown", attemptsPerWindow).AsTask().GetAwaiter().GetResult();
        retryAfter = wait ?? TimeSpan.Zero;
        return wait is null;
    }

    /// <summary>Whole seconds for a Retry-After header, at least 1.</summary>
    public static string Seconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public const string Message = "登录尝试过于频繁，请一分钟后再试。";

    /// <summary>The API side: ProblemDetails 429 with Retry-After before the endpoint runs.</summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        var http = ctx.HttpContext;
        var limiter = http.RequestServices.GetRequiredService<SignInLimiter>();
        if (limiter.TryAcquire(http.Connection.RemoteIpAddress?.ToString(), out var wait)) return await next(ctx);
        http.Response.Headers.RetryAfter = Seconds(wait);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, detail: Message);
    }
}
