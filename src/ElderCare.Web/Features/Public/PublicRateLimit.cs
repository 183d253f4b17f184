using System.Threading.RateLimiting;
using ElderCare.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.RateLimiting;

namespace ElderCare.Web.Features.Public;

/// <summary>
/// The public map is open to anyone, so each client address has a budget of <see cref="PublicMapOptions.RequestsPerMinute"/>
/// (ASP.NET Core's rate limiter, a fixed window per address);
/// over it, 429 — ProblemDetails in Chinese for the API, the short Chinese page for the page — with Retry-After.
/// </summary>
public sealed class PublicRateLimit(PublicMapOptions options) : IRateLimiterPolicy<string>
{
    public const string Policy = "public-map";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    public const string Message = "查询过于频繁，请一分钟后再试。";

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.RequestsPerMinute, Window = Window, QueueLimit = 0, AutoReplenishment = true,
            });

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (ctx, _) =>
    {
        var wait = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : Window;
        ctx.HttpContext.Response.Headers.RetryAfter = SignInLimiter.Seconds(wait);
        await AuthSetup.WriteProblem(ctx.HttpContext, StatusCodes.Status429TooManyRequests, Message);
    };
}
