using System.ComponentModel.DataAnnotations;

namespace ElderCare.Web.Infrastructure.Auth;

/// <summary>Configuration section "Security".</summary>
public sealed class SecurityOptions
{
    /// <summary>Sign-in attempts per client address and minute (<see cref="SignInLimiter"/>, 等保 8.1.4.1 b).</summary>
    [Range(1, 100_000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;
}
