using System.ComponentModel.DataAnnotations;

namespace ElderCare.Web.Features.Integrations;

/// <summary>Operating numbers of integration accounts (section "Integrations", checked at start, ADR 25).</summary>
public sealed class IntegrationOptions
{
    /// <summary>Lifetime of a client-credentials access token (RFC 6749 §4.4); revocation ends it earlier, at once.</summary>
    [Range(1, 60)]
    public int TokenMinutes { get; set; } = 15;

    /// <summary>Requests per minute of a client that has no limit of its own.</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 120;
}
