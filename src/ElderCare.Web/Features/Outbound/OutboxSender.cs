using System.Text;
using System.Text.Json;
using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Outbound;

/// <summary>
/// Sends the due outbox rows (ADR 29), one pass per call, the longest due first. Each row is saved as soon as it is
/// tried, so a restart loses at most the row in flight (it is sent again: at least once, and the receiver de-duplicates
/// by the event id). A failure waits by <see cref="Backoff"/> (5 s, 10 s, 20 s … at most 10 min) and is given up after
/// <see cref="OutboundOptions.MaxAttempts"/>. A text message over the number's daily limit is refused, not sent.
/// </summary>
public sealed class OutboxSender(IHttpClientFactory http, ISmsGateway sms, FieldProtector protector, OutboundOptions options,
    SmsOptions smsOptions, TimeProvider clock, ILogger<OutboxSender> logger)
{
    public async Task<int> RunOnceAsync(AppDbContext db, CancellationToken ct)
    {
        var now = clock.UtcNow();
        var due = await db.Outbox.Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now).OrderBy(m => m.NextAttemptAt)
            .ThenBy(m => m.Id).Take(options.Batch).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var ids = due.Where(m => m.SubscriptionId is not null).Select(m => m.SubscriptionId!.Value).Distinct().ToList();
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var sent = 0;
        foreach (var m in due)
        {
            if (m.Kind == OutboxKind.Webhook) sent += await Webhook(m, m.SubscriptionId is { } s ? subscriptions.GetValueOrDefault(s) : null, ct);
            else sent += await Sms(db, m, ct);
            await db.SaveChangesAsync(ct);
        }
        return sent;
    }

    private async Task<int> Webhook(OutboxMessage m, WebhookSubscription? subscription, CancellationToken ct)
    {
        if (subscription is not { Active: true } || !OutboundEvents.Covers(subscription.RegionCode, m.RegionCode))
        {
            m.Status = OutboxStatus.Cancelled;
            m.LastError = "订阅已停用，未发送。";
            return 0;
        }
        m.Attempts++;
        try
        {
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
            {
                Content = new StringContent(m.Payload, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(Signing.EventIdHeader, m.EventId);
            request.Headers.Add(Signing.EventTypeHeader, m.EventType);
            request.Headers.Add(Signing.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(Signing.SignatureHeader, Signing.Sign(protector.Unprotect(subscription.SecretProtected)!, timestamp, m.Payload));
            using var response = await http.CreateClient(OutboundSetup.HttpClientName).SendAsync(request, ct);
            if (!response.IsSuccessStatusCode) throw new HttpRequestException($"接收方返回 {(int)response.StatusCode}");
            Sent(m);
            return 1;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            Failed(m, e);
            return 0;
        }
    }

    private async Task<int> Sms(AppDbContext db, OutboxMessage m, CancellationToken ct)
    {
        var dayStart = new DateTimeOffset(clock.Today().ToDateTime(TimeOnly.MinValue), ChinaClock.Offset).UtcDateTime;
        var today = await db.Outbox.CountAsync(o => o.Kind == OutboxKind.Sms && o.Target == m.Target && o.SentAt >= dayStart, ct);
        if (!DailyLimit.Allows(today, smsOptions.DailyLimitPerNumber))
        {
            m.Status = OutboxStatus.Refused;
            m.LastError = $"该号码今日已发送 {today} 条，达到每日上限 {smsOptions.DailyLimitPerNumber} 条，未发送。";
            logger.LogWarning("SMS {Id} refused: daily limit of {Limit} reached", m.Id, smsOptions.DailyLimitPerNumber);
            return 0;
        }
        m.Attempts++;
        try
        {
            var payload = JsonSerializer.Deserialize<SmsPayload>(m.Payload, OutboundEvents.Json)!;
            m.GatewayMessageId = await sms.SendAsync(new SmsMessage(m.Id, protector.Unprotect(m.PhoneProtected)!, payload.Template,
                payload.Parameters), ct);
            Sent(m);
            return 1;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            Failed(m, e);
            return 0;
        }
    }

    private void Sent(OutboxMessage m)
    {
        m.Status = OutboxStatus.Sent;
        m.SentAt = clock.UtcNow();
        m.LastError = null;
    }

    private void Failed(OutboxMessage m, Exception e)
    {
        var error = e is TaskCanceledException ? $"{options.TimeoutSeconds} 秒内未应答" : e.Message;
        m.LastError = error.Length > 500 ? error[..500] : error;
        if (m.Attempts >= options.MaxAttempts) m.Status = OutboxStatus.Failed;
        else m.NextAttemptAt = clock.UtcNow() + Backoff.Delay(m.Attempts, options.FirstRetrySeconds, options.MaxRetrySeconds);
        logger.LogWarning("Outbox {Id} ({Kind}) failed, attempt {Attempts}: {Error}", m.Id, m.Kind, m.Attempts, m.LastError);
    }
}

/// <summary>The per-number daily limit (anti-harassment): a number that has had <c>limit</c> messages today gets no more.</summary>
public static class DailyLimit
{
    public static bool Allows(int sentToday, int limit) => sentToday < limit;
}

/// <summary>
/// Runs the sender every <see cref="OutboundOptions.IntervalSeconds"/> (0 = off), and the reassessment reminders once a
/// China day (again after a restart: the event ids keep each reminder to one).
/// </summary>
public sealed class OutboxPass(IServiceScopeFactory scopes, OutboundOptions options, TimeProvider clock, ILogger<OutboxPass> logger)
    : PeriodicPass(scopes, options.IntervalSeconds, logger, "Outbox pass")
{
    private DateOnly? _remindedOn;

    protected override async Task RunAsync(IServiceProvider services, AppDbContext db, CancellationToken ct)
    {
        if (_remindedOn != clock.Today())
        {
            await RaiseReassessmentReminders.Handle(db, services.GetRequiredService<FieldProtector>(), options, clock, ct);
            _remindedOn = clock.Today();
            db.ChangeTracker.Clear();
        }
        await services.GetRequiredService<OutboxSender>().RunOnceAsync(db, ct);
        await services.GetRequiredService<Infrastructure.Telemetry.ElderCareMetrics>() // Telemetry (ADR 32): the outbox lag
            .OutboxLagAsync("outbound", db.Outbox.Where(m => m.Status == OutboxStatus.Pending).Select(m => m.CreatedAt), clock, ct);
    }
}
