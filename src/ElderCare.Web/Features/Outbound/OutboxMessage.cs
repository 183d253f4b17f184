using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Outbound;

/// <summary>What an outbox row carries: a text message through the SMS gateway, or an event POSTed to a subscriber.</summary>
public enum OutboxKind { Sms, Webhook }

/// <summary>
/// Where a row stands: pending (due at <see cref="OutboxMessage.NextAttemptAt"/>, first try or a retry after a failure),
/// sent (the gateway or subscriber accepted it), delivered / undelivered (the SMS gateway's receipt), refused (over the
/// per-number daily limit, never sent), failed (gave up after the last attempt), cancelled (the subscription was
/// disabled before it went out).
/// </summary>
public enum OutboxStatus { Pending, Sent, Delivered, Undelivered, Refused, Failed, Cancelled }

/// <summary>
/// One outbound message (ADR 29: the outbox). Written in the same SaveChanges as the change it tells of, sent later by
/// <see cref="OutboxSender"/>, so a message survives a restart: what is not sent is still pending in the database.
/// The event id with the target is unique: the same event is never queued twice for the same subscriber or number.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public OutboxKind Kind { get; init; }

    /// <summary>The event's id (the same for every subscriber of it): the receiver's de-duplication key.</summary>
    public required string EventId { get; init; }

    /// <summary>alarm.raised, visit.verified …, or sms.visit-code, sms.alarm-notice, sms.reminder.</summary>
    public required string EventType { get; init; }

    /// <summary>The subscription id (webhook) or the phone's blind index (SMS): never the number itself.</summary>
    public required string Target { get; init; }

    public Guid? SubscriptionId { get; init; }

    /// <summary>The SMS recipient's number, encrypted like every phone field (FieldProtector).</summary>
    public string? PhoneProtected { get; init; }

    /// <summary>The region of the elder, facility or unit the event is about (the subscription's scope is checked against it).</summary>
    public string? RegionCode { get; init; }

    /// <summary>The webhook body as sent, or the SMS template parameters (JSON).</summary>
    public required string Payload { get; init; }

    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime? SentAt { get; set; }

    /// <summary>The SMS gateway's id of the message, matched by its delivery receipt.</summary>
    public string? GatewayMessageId { get; set; }

    public DateTime? ReceiptAt { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.Property(x => x.Kind).HasMaxLength(10);
        e.Property(x => x.Status).HasMaxLength(12);
        e.Property(x => x.EventId).HasMaxLength(64);
        e.Property(x => x.EventType).HasMaxLength(40);
        e.Property(x => x.Target).HasMaxLength(64);
        e.Property(x => x.PhoneProtected).HasMaxLength(200);
        e.Property(x => x.RegionCode).HasMaxLength(12);
        e.Property(x => x.Payload).HasMaxLength(8000);
        e.Property(x => x.LastError).HasMaxLength(500);
        e.Property(x => x.GatewayMessageId).HasMaxLength(100);
        e.HasIndex(x => new { x.Kind, x.EventId, x.Target }).IsUnique(); // ADR 29: the same event is never queued twice
        e.HasIndex(x => new { x.Status, x.NextAttemptAt });
        e.HasIndex(x => new { x.Target, x.SentAt });
        e.HasIndex(x => x.GatewayMessageId);
        e.HasIndex(x => x.CreatedAt);
    }
}
