using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Alarms;

/// <summary>Sends a family notification (SMS gateway, app push …). Throwing means "not delivered, try again".</summary>
public interface INotifier
{
    Task SendAsync(string recipient, string? phone, string message, CancellationToken ct);
}

/// <summary>The default notifier: writes the notice to the log (no SMS gateway is configured in this district yet).</summary>
public sealed class LoggingNotifier(ILogger<LoggingNotifier> logger) : INotifier
{
    public Task SendAsync(string recipient, string? phone, string message, CancellationToken ct)
    {
        Log(logger, recipient, phone, message);
        return Task.CompletedTask;
    }

    /// <summary>A notice in the log without personal data (ADR 32: logs go to a collector): the recipient's name and phone
    /// masked, the text (it names the elder) left to the alarm's or the task's own record.</summary>
    public static void Log(ILogger logger, string recipient, string? phone, string message) =>
        logger.LogInformation("通知 {Recipient}（{Phone}）：{Length} 字，正文见报警或任务记录（日志不记个人信息）",
            Masking.Name(recipient), Masking.Phone(phone), message.Length);
}

/// <summary>The clocks (escalation) and the outbox, one pass each; the background service calls them every few seconds.</summary>
public static class AlarmClockScan
{
    public static async Task<int> EscalateAsync(AppDbContext db, AlarmOptions options, TimeProvider clock, AlarmBroadcast? broadcast,
        CancellationToken ct)
    {
        var now = clock.UtcNow();
        var ackCut = now.AddSeconds(-options.AcknowledgeSeconds);
        var siteCut = now.AddMinutes(-options.OnSiteMinutes);
        var candidates = await db.Alarms.Where(a => a.Status != AlarmStatus.Resolved
                && ((a.EscalatedToDistrictAt == null && a.AcknowledgedAt == null && a.RaisedAt <= ackCut)
                    || (a.EscalatedToTownAt == null && a.OnSiteAt == null && a.RaisedAt <= siteCut)))
            .OrderBy(a => a.RaisedAt).Take(options.EscalationBatch).ToListAsync(ct);
        var changed = new List<(Alarm, string)>();
        foreach (var a in candidates)
        {
            var due = Escalation.Due(new AlarmClockFacts(a.Id, a.RaisedAt, a.AcknowledgedAt, a.OnSiteAt, a.ResolvedAt, a.EscalatedToDistrictAt,
                a.EscalatedToTownAt), now, options);
            if (due.Count == 0) continue; // acknowledged in time (the query cannot see that)
            foreach (var kind in due)
            {
                if (kind == EscalationKind.DistrictDutyDesk) a.EscalatedToDistrictAt = now;
                else a.EscalatedToTownAt = now;
                changed.Add((a, kind == EscalationKind.DistrictDutyDesk ? "escalated-district" : "escalated-town"));
            }
            a.Version++;
        }
        if (changed.Count == 0) return 0;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return 0; // an operator acted at the same moment; the next scan decides again
        }
        if (broadcast is not null)
            foreach (var (a, change) in changed) await broadcast.SendAsync(AlarmResource.From(a), a.UnitCode, change, now);
        return changed.Count;
    }

    /// <summary>Delivers due outbox rows; a failure is retried with back-off (5 s, 10 s, 20 s … at most 10 min) until delivered.</summary>
    public static async Task<int> DeliverAsync(AppDbContext db, INotifier notifier, FieldProtector protector, AlarmOptions options,
        TimeProvider clock, ILogger? logger, CancellationToken ct)
    {
        var now = clock.UtcNow();
        var due = await db.AlarmNotifications.Where(n => n.DeliveredAt == null && n.NextAttemptAt <= now).OrderBy(n => n.NextAttemptAt)
            .Take(options.DeliveryBatch).ToListAsync(ct);
        var delivered = 0;
        foreach (var n in due)
        {
            n.Attempts++;
            try
            {
                await notifier.SendAsync(n.Recipient, protector.Unprotect(n.PhoneProtected), n.Message, ct);
                n.DeliveredAt = clock.UtcNow();
                n.LastError = null;
                delivered++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                n.NextAttemptAt = clock.UtcNow() + Escalation.RetryDelay(n.Attempts, options);
                n.LastError = e.Message.Length > 500 ? e.Message[..500] : e.Message;
                logger?.LogWarning("Notification {Id} failed (attempt {Attempts}): {Error}", n.Id, n.Attempts, e.Message);
            }
        }
        await db.SaveChangesAsync(ct);
        return delivered;
    }
}

/// <summary>Runs the clocks and the outbox every <see cref="AlarmOptions.ClockIntervalSeconds"/> (0 = off).</summary>
public sealed class AlarmClock(IServiceScopeFactory scopes, AlarmOptions options, TimeProvider clock, ILogger<AlarmClock> logger)
    : PeriodicPass(scopes, options.ClockIntervalSeconds, logger, "Alarm clock pass")
{
    protected override async Task RunAsync(IServiceProvider s, AppDbContext db, CancellationToken ct)
    {
        await AlarmClockScan.EscalateAsync(db, options, clock, s.GetRequiredService<AlarmBroadcast>(), ct);
        db.ChangeTracker.Clear();
        await AlarmClockScan.DeliverAsync(db, s.GetRequiredService<INotifier>(), s.GetRequiredService<FieldProtector>(), options, clock, logger, ct);
        await s.GetRequiredService<Infrastructure.Telemetry.ElderCareMetrics>() // Telemetry (ADR 32): the family notifications' lag
            .OutboxLagAsync("alarm-notifications", db.AlarmNotifications.Where(n => n.DeliveredAt == null).Select(n => n.CreatedAt), clock, ct);
    }
}
