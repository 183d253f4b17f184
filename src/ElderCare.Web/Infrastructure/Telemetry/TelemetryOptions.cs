using System.ComponentModel.DataAnnotations;

namespace ElderCare.Web.Infrastructure.Telemetry;

/// <summary>Configuration section "Telemetry" (checked at start, ADR 25; what is measured: <see cref="ElderCareMetrics"/>).</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    /// <summary>The OpenTelemetry collector to send traces and metrics to over OTLP, e.g. <c>http://127.0.0.1:4317</c>
    /// (gRPC). Empty (the default): no exporter is added and nothing leaves the machine.</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary>The service name every node reports (<c>service.name</c>).</summary>
    [Required]
    public string ServiceName { get; set; } = "eldercare";

    /// <summary>This node's name among the nodes of one deployment (<c>service.instance.id</c>); empty = the host name.</summary>
    public string NodeName { get; set; } = "";

    /// <summary>The collector's address, or null when none (or none valid: the start is then refused) is set.</summary>
    public Uri? Endpoint => Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OtlpEndpoint.Length > 0 && Endpoint is null)
            yield return new ValidationResult("应为 http:// 或 https:// 开头的完整地址（如 http://127.0.0.1:4317），留空则不导出。",
                [nameof(OtlpEndpoint)]);
    }
}
