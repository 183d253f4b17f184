using System.Linq.Expressions;
using System.Text.Json;
using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Outbound;

/// <summary>The body of every webhook POST: the event's id (the receiver's de-duplication key), its type, when, and its data.</summary>
public sealed record WebhookEvent<T>(string Id, string Type, DateTime OccurredAt, T Data);

/// <summary>An alarm raised, acknowledged or resolved (ids and codes only: no name, no phone).</summary>
public sealed record AlarmEventData(Guid AlarmId, Guid ElderId, string Kind, string Status, string RegionCode, string UnitCode, Guid? StationId,
    DateTime RaisedAt, DateTime? AcknowledgedAt, DateTime? ResolvedAt, string? Outcome);

/// <summary>A home-care visit that passed verification (EVV), or was accepted on review.</summary>
public sealed record VisitEventData(Guid OrderId, Guid ElderId, Guid? ProviderId, string RegionCode, DateTime? CheckInAt, DateTime? CheckOutAt,
    bool Reviewed);

/// <summary>A quarterly report approved and locked by the district, with the hash of its snapshot.</summary>
public sealed record ReportEventData(Guid ReportId, string UnitCode, string UnitName, int Year, int Quarter, DateTime? ApprovedAt,
    string? SnapshotHash);

/// <summary>
/// The events other systems may subscribe to, and their queuing (ADR 29): a use case calls <see cref="RaiseAsync{T}"/>
/// before its SaveChanges, so the outbox rows are stored in the same transaction as the change, or not at all. One row
/// per active subscription that takes the event type and whose scope covers the event's region; the event id is derived
/// from the type and the subject, so raising the same event again queues nothing.
/// </summary>
public static class OutboundEvents
{
    public const string AlarmRaised = "alarm.raised";
    public const string AlarmAcknowledged = "alarm.acknowledged";
    public const string AlarmResolved = "alarm.resolved";
    public const string VisitVerified = "visit.verified";
    public const string ReportApproved = "report.approved";

    /// <summary>Every event type with its Chinese name (the accepted values of a subscription's events).</summary>
    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>
    {
        [AlarmRaised] = "报警发起",
        [AlarmAcknowledged] = "报警已接警",
        [AlarmResolved] = "报警已处置完毕",
        [VisitVerified] = "上门服务核验通过",
        [ReportApproved] = "季度报告审核通过",
    };

    internal static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions();
        HostSetup.Configure(json);
        return json;
    }

    /// <summary>
    /// Scope of a subscription, as a town officer's (DataScope.Covers): none covers the whole district; a code covers its
    /// own region and every region under it. An event without a region goes only to district-wide subscriptions.
    /// </summary>
    public static bool Covers(string? subscriptionRegion, string? eventRegion) =>
        string.IsNullOrEmpty(subscriptionRegion)
        || eventRegion is not null && eventRegion.StartsWith(subscriptionRegion, StringComparison.Ordinal);

    /// <summary>Whether a subscription takes the event type.</summary>
    public static bool Takes(string events, string type) => events.Split(',').Contains(type, StringComparer.Ordinal);

    /// <summary>An active subscription, as an event's rows are built from it.</summary>
    public sealed record Subscriber(Guid Id, string Events, string? RegionCode);

    /// <summary>A subscription that receives events; a caller may ask in a query of its own whether there is any (ADR 32: the
    /// alarm intake asks with the device) and pass no subscribers to <see cref="BuildAsync{T}"/> when there is none.</summary>
    public static readonly Expression<Func<WebhookSubscription, bool>> Active = s => s.Active;

    /// <summary>The outbox rows of an event (not yet added to the context), one per subscriber in scope not already queued;
    /// <paramref name="subscribers"/>: the active subscriptions when known already in this request, else read here.</summary>
    public static async Task<List<OutboxMessage>> BuildAsync<T>(AppDbContext db, string type, string subject, string? regionCode, T data,
        DateTime now, CancellationToken ct, IReadOnlyList<Subscriber>? subscribers = null)
    {
        subscribers ??= await db.WebhookSubscriptions.AsNoTracking().Where(Active).Select(s => new Subscriber(s.Id, s.Events, s.RegionCode))
            .ToListAsync(ct);
        var targets = subscribers.Where(s => Takes(s.Events, type) && Covers(s.RegionCode, regionCode)).Select(s => s.Id).ToList();
        if (targets.Count == 0) return [];
        var eventId = Signing.EventId(type, subject);
        var queued = (await db.Outbox.AsNoTracking().Where(m => m.Kind == OutboxKind.Webhook && m.EventId == eventId).Select(m => m.Target)
                .ToListAsync(ct))
            .Concat(db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.Entity.EventId == eventId).Select(e => e.Entity.Target))
            .ToHashSet();
        var body = JsonSerializer.Serialize(new WebhookEvent<T>(eventId, type, now, data), Json);
        return targets.Where(id => !queued.Contains(id.ToString("N"))).Select(id => new OutboxMessage
        {
            Kind = OutboxKind.Webhook, EventId = eventId, EventType = type, Target = id.ToString("N"), SubscriptionId = id,
            RegionCode = regionCode, Payload = body, Status = OutboxStatus.Pending, NextAttemptAt = now, CreatedAt = now,
        }).ToList();
    }

    /// <summary>Adds the event's outbox rows to the context; the caller's SaveChanges stores them with its change.</summary>
    public static async Task<int> RaiseAsync<T>(AppDbContext db, string type, string subject, string? regionCode, T data, DateTime now,
        CancellationToken ct)
    {
        var rows = await BuildAsync(db, type, subject, regionCode, data, now, ct);
        db.Outbox.AddRange(rows);
        return rows.Count;
    }
}
