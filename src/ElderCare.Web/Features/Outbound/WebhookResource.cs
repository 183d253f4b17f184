namespace ElderCare.Web.Features.Outbound;

/// <summary>A subscription as the API shows it (never the secret).</summary>
public sealed record WebhookResource(Guid Id, string Name, string Url, IReadOnlyList<string> Events, string? RegionCode, bool Active,
    DateTime CreatedAt, string? CreatedBy, DateTime? DisabledAt, string? DisabledBy, int Version)
{
    public static WebhookResource From(WebhookSubscription s) => new(s.Id, s.Name, s.Url, s.EventList, s.RegionCode, s.Active, s.CreatedAt,
        s.CreatedBy, s.DisabledAt, s.DisabledBy, s.Version);
}

/// <summary>A new subscription with its signing secret, shown this once (stored encrypted, never shown again).</summary>
public sealed record WebhookCreated(WebhookResource Subscription, string Secret);

/// <summary>One row of the delivery log: an event to a subscriber, or a text message to a (masked) number.</summary>
public sealed record DeliveryResource(Guid Id, OutboxKind Kind, string EventId, string EventType, Guid? SubscriptionId, string Target,
    string? RegionCode, OutboxStatus Status, int Attempts, DateTime NextAttemptAt, string? LastError, DateTime CreatedAt, DateTime? SentAt,
    string? GatewayMessageId, DateTime? ReceiptAt);

/// <summary>An event type and its Chinese name.</summary>
public sealed record EventTypeResource(string Type, string Name);
