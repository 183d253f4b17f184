using System.Globalization;
using System.Threading.RateLimiting;
using ElderCare.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.RateLimiting;

namespace ElderCare.Web.Features.Integrations;

/// <summary>
/// OWASP API4: each integration client has its own budget of requests per minute (its own limit, or
/// <see cref="IntegrationOptions.RequestsPerMinute"/>); over it, 429 ProblemDetails with Retry-After. People are not
/// limited here (their sign-in has <see cref="SignInLimiter"/>). A fixed window per client, partitioned by client id and
/// limit, so a changed limit takes effect with the next token or call.
/// </summary>
public static class ClientRateLimit
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public const string Message = "该接口账户的请求过于频繁，已超过每分钟上限，请稍后再试。";

    public static void Configure(RateLimiterOptions o)
    {
        o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            var client = http.User.FindFirst(ClientCredential.ClientClaim)?.Value;
            if (client is null) return RateLimitPartition.GetNoLimiter("");
            var limit = int.TryParse(http.User.FindFirst(ClientCredential.LimitClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture,
                out var l) ? l : 1;
            return RateLimitPartition.GetFixedWindowLimiter($"{client}:{limit}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit, Window = Window, QueueLimit = 0, AutoReplenishment = true,
            });
        });
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.OnRejected = async (ctx, _) =>
        {
            var wait = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : Window;
            ctx.HttpContext.Response.Headers.RetryAfter = SignInLimiter.Seconds(wait);
            await AuthSetup.WriteProblem(ctx.HttpContext, StatusCodes.Status429TooManyRequests, Message);
        };
    }
}
