using System.ComponentModel.DataAnnotations;

namespace ElderCare.Web.Features.Public;

/// <summary>The public, no-sign-in service map, from configuration section "PublicMap".</summary>
public sealed class PublicMapOptions
{
    /// <summary>Requests per minute from one client address to the public page and API (then 429 with Retry-After).</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 60;
}
