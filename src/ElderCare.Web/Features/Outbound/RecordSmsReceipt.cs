using System.Text.Json;
using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Outbound;

/// <summary>
/// The SMS gateway's delivery receipt (状态报告): the gateway POSTs the message id and whether the phone received it,
/// signed like our requests to it (<see cref="Signing"/>, the app secret, timestamp within 5 minutes). The message's
/// status becomes delivered or undelivered. A receipt sent twice changes nothing more.
/// </summary>
public static class RecordSmsReceipt
{
    public sealed record Input(string? MessageId, string? Status, string? Error, DateTimeOffset? At);

    public sealed record Answer(string MessageId, OutboxStatus Status);

    public static async Task<Outcome<Answer>> Handle(string body, string? timestamp, string? signature, AppDbContext db, SmsOptions options,
        TimeProvider clock, CancellationToken ct)
    {
        if (!options.Configured) return Outcome<Answer>.NotFound("未配置短信网关。");
        if (!Signing.Verify(options.AppSecret!, timestamp, body, signature, clock.GetUtcNow()))
            return Outcome<Answer>.Forbidden("回执签名无效或已过期。");
        Input? input;
        try
        {
            input = JsonSerializer.Deserialize<Input>(body, OutboundEvents.Json);
        }
        catch (JsonException)
        {
            return Outcome<Answer>.Invalid("body", "回执应为 JSON：messageId、status（delivered 或 failed）、error、at。");
        }
        var errors = new FieldErrors();
        errors.AddIf(string.IsNullOrWhiteSpace(input?.MessageId) || input.MessageId.Length > 100, "messageId", "请提供网关消息编号（不超过 100 个字符）。");
        errors.AddIf(input?.Status is not ("delivered" or "failed"), "status", "回执状态应为 delivered 或 failed。");
        if (errors.Any) return Outcome<Answer>.Invalid(errors);
        var m = await db.Outbox.FirstOrDefaultAsync(x => x.Kind == OutboxKind.Sms && x.GatewayMessageId == input!.MessageId, ct);
        if (m is null) return Outcome<Answer>.NotFound("未找到该网关消息编号的短信。");
        m.Status = input!.Status == "delivered" ? OutboxStatus.Delivered : OutboxStatus.Undelivered;
        m.ReceiptAt = input.At?.UtcDateTime ?? clock.UtcNow();
        m.LastError = m.Status == OutboxStatus.Undelivered ? (input.Error is { Length: > 0 } e ? e[..Math.Min(e.Length, 500)] : "网关回执：未送达") : null;
        await db.SaveChangesAsync(ct);
        return new Answer(m.GatewayMessageId!, m.Status);
    }
}
