using System.ComponentModel.DataAnnotations;

namespace ElderCare.Web.Features.Outbound;

/// <summary>The kinds of text message, each with its template registered at the gateway.</summary>
public enum SmsTemplate { VisitCode, AlarmNotice, Reminder }

/// <summary>
/// The SMS gateway, from configuration section "Sms" (ADR 29). No <see cref="GatewayUrl"/>: the logging sender (the
/// default until the district signs a gateway contract). With it, the app key and secret, the signature (签名, as
/// registered with the carrier), a template id for every kind of message and the per-number daily limit are required.
/// </summary>
public sealed class SmsOptions : IValidatableObject
{
    /// <summary>The gateway's send endpoint (https; http only on the loopback, for tests).</summary>
    public string? GatewayUrl { get; set; }

    public string? AppKey { get; set; }

    /// <summary>Signs our requests and the gateway's delivery receipts (HMAC-SHA256, <see cref="Signing"/>).</summary>
    public string? AppSecret { get; set; }

    /// <summary>签名: the sender name in 【】 the carrier shows, e.g. 荣昌区智慧养老.</summary>
    public string? Signature { get; set; }

    /// <summary>The template id of each kind of message.</summary>
    public Dictionary<SmsTemplate, string> Templates { get; set; } = [];

    /// <summary>Messages one number may receive a day (China time); more are refused and recorded (anti-harassment, 待确认).</summary>
    [Range(1, 1000)]
    public int DailyLimitPerNumber { get; set; } = 10;

    public bool Configured => !string.IsNullOrWhiteSpace(GatewayUrl);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Configured) yield break;
        if (!Uri.TryCreate(GatewayUrl, UriKind.Absolute, out var url)
            || !(url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
            yield return new ValidationResult("短信网关地址应为 https 绝对地址（仅本机测试可用 http）。", [nameof(GatewayUrl)]);
        if (string.IsNullOrWhiteSpace(AppKey)) yield return new ValidationResult("请配置短信网关的 AppKey。", [nameof(AppKey)]);
        if (AppSecret is not { Length: >= 16 })
            yield return new ValidationResult("短信网关的 AppSecret 至少 16 个字符。", [nameof(AppSecret)]);
        if (Signature?.Trim() is not { Length: >= 2 and <= 12 })
            yield return new ValidationResult("请配置短信签名（2 至 12 个字，如“荣昌区智慧养老”）。", [nameof(Signature)]);
        foreach (var kind in Enum.GetValues<SmsTemplate>().Where(k => string.IsNullOrWhiteSpace(Templates.GetValueOrDefault(k))))
            yield return new ValidationResult($"请配置短信模板 {kind} 的模板编号。", [$"{nameof(Templates)}:{kind}"]);
    }
}
