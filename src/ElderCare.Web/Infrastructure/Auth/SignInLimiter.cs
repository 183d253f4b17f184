using System.Collections.Concurrent;

namespace ElderCare.Web.Infrastructure.Auth;

/// <summary>
/// One budget of sign-in attempts per client address (QUALITY.md S2, 等保 8.1.4.1 b "限制非法登录次数"), shared by the
/// sign-in page, its two-factor step and <c>POST /api/auth/token</c>: password spraying across many accounts from one
/// address is throttled whichever door it uses. The per-account lockout (<see cref="Features.Account.SignIn"/>) is the
/// other half. A fixed window on the app's clock, so tests run on the fake clock. With Redis (ADR 32) the budget is one for
/// all nodes: a counter per address and clock minute; should Redis fail, each node counts in memory meanwhile.
/// </summary>
public sealed class SignInLimiter(TimeProvider clock, int attemptsPerWindow, Cluster.RedisConnection? redis = null,
    ILogger<SignInLimiter>? logger = null)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private const int PruneAbove = 10_000;

    private sealed class Slot
    {
        public DateTimeOffset Start;
        public int Count;
    }

    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    /// <summary>Counts one attempt from the address; false (with the wait) once the window's budget is spent.</summary>
    public bool TryAcquire(string? address, out TimeSpan retryAfter)
    {
        var now = clock.GetUtcNow();
        if (redis is not null)
        {
            try
            {
                var minute = now.ToUnixTimeSeconds() / 60;
                var key = redis.Key($"signin:{address ?? "unknown"}:{minute}");
                var count = redis.Database.StringIncrement(key);
                if (count == 1) redis.Database.KeyExpire(key, 2 * Window, flags: StackExchange.Redis.CommandFlags.FireAndForget);
                retryAfter = DateTimeOffset.FromUnixTimeSeconds((minute + 1) * 60) - now;
                return count <= attemptsPerWindow;
            }
            catch (StackExchange.Redis.RedisException e)
            {
                logger?.LogWarning(e, "Redis unavailable; counting sign-in attempts in memory on this node");
            }
        }
        if (_slots.Count > PruneAbove) Prune(now);
        var slot = _slots.GetOrAdd(address ?? "unknown", _ => new Slot { Start = now });
        lock (slot)
        {
            if (now - slot.Start >= Window)
            {
                slot.Start = now;
                slot.Count = 0;
            }
            if (slot.Count < attemptsPerWindow)
            {
                slot.Count++;
                retryAfter = TimeSpan.Zero;
                return true;
            }
            retryAfter = slot.Start + Window - now;
            return false;
        }
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

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, slot) in _slots)
            if (now - slot.Start >= Window) _slots.TryRemove(key, out _);
    }
}
