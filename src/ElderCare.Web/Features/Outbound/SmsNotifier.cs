using ElderCare.Web.Data;
using ElderCare.Web.Features.Alarms;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Outbound;

/// <summary>
/// The alarm and task notifier when an SMS gateway is configured (ADR 29): each notice with a mobile number becomes an
/// SMS (template alarm-notice) in the outbox, which sends, retries and limits it; a notice without one (a task
/// escalation to an office) is logged as before. The same notice to the same number is queued once.
/// </summary>
public sealed class SmsNotifier(IServiceScopeFactory scopes, FieldProtector protector, TimeProvider clock, ILogger<SmsNotifier> logger)
    : INotifier
{
    public async Task SendAsync(string recipient, string? phone, string message, CancellationToken ct)
    {
        if (SmsQueue.Normalise(phone) is null)
        {
            LoggingNotifier.Log(logger, recipient, phone, message);
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var text = Text(message);
        var subject = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(phone + "|" + text)));
        if (!await SmsQueue.AddAsync(db, protector, SmsTemplate.AlarmNotice, phone, new Dictionary<string, string> { ["message"] = text }, subject,
                null, clock.GetUtcNow().UtcDateTime, ct))
            return; // already queued
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // queued by a concurrent pass: the unique event id kept it to one
        }
    }

    /// <summary>The notice without a leading 【signature】: the gateway adds the configured one.</summary>
    public static string Text(string message) =>
        message.StartsWith('【') && message.IndexOf('】', StringComparison.Ordinal) is > 0 and var end ? message[(end + 1)..] : message;
}
