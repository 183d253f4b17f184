using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ElderCare.Web.Infrastructure.Privacy;

namespace ElderCare.Web.Features.Outbound;

/// <summary>One text message to send: our outbox id (the gateway echoes it), the number, the template and its parameters.</summary>
public sealed record SmsMessage(Guid OutboxId, string Phone, SmsTemplate Template, IReadOnlyDictionary<string, string> Parameters);

/// <summary>Sends a text message and answers the gateway's message id. Throwing means "not sent, try again".</summary>
public interface ISmsGateway
{
    Task<string> SendAsync(SmsMessage message, CancellationToken ct);
}

/// <summary>The default without a gateway: writes the kind of message and the masked number to the log (never the text).</summary>
public sealed class LoggingSmsGateway(ILogger<LoggingSmsGateway> logger) : ISmsGateway
{
    public Task<string> SendAsync(SmsMessage message, CancellationToken ct)
    {
        logger.LogInformation("短信（{Template}）→ {Phone}：未配置短信网关，仅记录", message.Template, Masking.Phone(message.Phone));
        return Task.FromResult("log-" + message.OutboxId.ToString("N"));
    }
}

/// <summary>What we POST to the gateway (JSON, camelCase).</summary>
public sealed record SmsGatewayRequest(string AppKey, string Phone, string SignName, string TemplateId,
    IReadOnlyDictionary<string, string> TemplateParams, string OutId);

/// <summary>What the gateway answers: its id of the message (matched by the delivery receipt).</summary>
public sealed record SmsGatewayAnswer(string? MessageId);

/// <summary>
/// The HTTP gateway (ADR 29): POSTs <see cref="SmsGatewayRequest"/> as JSON to <see cref="SmsOptions.GatewayUrl"/>,
/// signed like a webhook with the app secret (<see cref="Signing"/>: timestamp and HMAC-SHA256 headers), and reads the
/// gateway's message id from a 2xx answer; any other answer is a failure the outbox retries.
/// </summary>
public sealed class HttpSmsGateway(IHttpClientFactory http, SmsOptions options, TimeProvider clock) : ISmsGateway
{
    public const string AppKeyHeader = "X-ElderCare-App-Key";

    public async Task<string> SendAsync(SmsMessage message, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(new SmsGatewayRequest(options.AppKey!, message.Phone, options.Signature!.Trim(),
            options.Templates[message.Template], message.Parameters, message.OutboxId.ToString("N")), OutboundEvents.Json);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, options.GatewayUrl)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(AppKeyHeader, options.AppKey);
        request.Headers.Add(Signing.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(Signing.SignatureHeader, Signing.Sign(options.AppSecret!, timestamp, body));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.CreateClient(OutboundSetup.HttpClientName).SendAsync(request, ct);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"短信网关返回 {(int)response.StatusCode}");
        SmsGatewayAnswer? answer;
        try
        {
            answer = await JsonSerializer.DeserializeAsync<SmsGatewayAnswer>(await response.Content.ReadAsStreamAsync(ct), OutboundEvents.Json, ct);
        }
        catch (JsonException)
        {
            throw new HttpRequestException("短信网关的应答不是 JSON");
        }
        return answer?.MessageId is { Length: > 0 and <= 100 } id ? id : throw new HttpRequestException("短信网关的应答缺少 messageId");
    }
}
