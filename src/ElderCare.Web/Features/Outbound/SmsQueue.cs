using System.Text.Json;
using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Outbound;

/// <summary>The template parameters of a text message as stored in the outbox.</summary>
public sealed record SmsPayload(SmsTemplate Template, IReadOnlyDictionary<string, string> Parameters);

/// <summary>
/// Queues text messages in the outbox (ADR 29), in the caller's SaveChanges. The number is stored encrypted, and its blind
/// index is the row's target (the daily limit counts by it); a message with the same subject to the same number is
/// queued once.
/// </summary>
public static class SmsQueue
{
    public static string EventType(SmsTemplate template) => "sms." + Infrastructure.Web.EnumText.Of(template);

    /// <summary>Mainland mobile numbers only: 11 digits starting with 1 (spaces and dashes ignored).</summary>
    public static string? Normalise(string? phone)
    {
        var digits = new string((phone ?? "").Where(c => c is not (' ' or '-')).ToArray());
        if (digits.StartsWith("+86", StringComparison.Ordinal)) digits = digits[3..];
        return digits.Length == 11 && digits[0] == '1' && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>Adds the message to the context (unless not a mobile number, or already queued); true when added.</summary>
    public static async Task<bool> AddAsync(AppDbContext db, FieldProtector protector, SmsTemplate template, string? phone,
        IReadOnlyDictionary<string, string> parameters, string subject, string? regionCode, DateTime now, CancellationToken ct)
    {
        if (Normalise(phone) is not { } number) return false;
        var target = protector.BlindIndex(number)!;
        var type = EventType(template);
        var eventId = Signing.EventId(type, subject);
        if (db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.EventId == eventId && e.Entity.Target == target)
            || await db.Outbox.AnyAsync(m => m.Kind == OutboxKind.Sms && m.EventId == eventId && m.Target == target, ct))
            return false;
        db.Outbox.Add(new OutboxMessage
        {
            Kind = OutboxKind.Sms, EventId = eventId, EventType = type, Target = target, PhoneProtected = protector.Protect(number),
            RegionCode = regionCode, Payload = JsonSerializer.Serialize(new SmsPayload(template, parameters), OutboundEvents.Json),
            Status = OutboxStatus.Pending, NextAttemptAt = now, CreatedAt = now,
        });
        return true;
    }
}
