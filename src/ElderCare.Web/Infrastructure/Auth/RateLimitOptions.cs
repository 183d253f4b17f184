using System.ComponentModel.DataAnnotations;

namespace ElderCare.Web.Infrastructure.Auth;

/// <summary>Configuration section "RateLimits" (checked at start, ADR 25).</summary>
public sealed class RateLimitOptions
{
    /// <summary>API requests per minute of one user signed in with a bearer token, counted over every node when Redis is
    /// configured (<see cref="ApiTokenLimit"/>, OWASP API4).</summary>
    [Range(1, 1_000_000)]
    public int ApiRequestsPerMinute { get; set; } = 600;
}
