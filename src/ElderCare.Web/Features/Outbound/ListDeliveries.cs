using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Outbound;

/// <summary>
/// The delivery log (ADR 29): outbox rows, the newest first, filtered by kind, status, event type and subscription;
/// a text message's number is shown masked (138****1234), a webhook's subscriber by name.
/// </summary>
public static class ListDeliveries
{
    public sealed record Query
    {
        public string? Kind { get; init; }
        public string? Status { get; init; }
        public string? EventType { get; init; }
        public Guid? SubscriptionId { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public static async Task<Outcome<Paged<DeliveryResource>>> Handle(Query q, AppDbContext db, FieldProtector protector, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(q.Page, q.PageSize, errors);
        var kind = EnumText.Optional<OutboxKind>(q.Kind, "kind", errors);
        var status = EnumText.Optional<OutboxStatus>(q.Status, "status", errors);
        var type = string.IsNullOrWhiteSpace(q.EventType) ? null : q.EventType.Trim();
        errors.AddIf(type?.Length > 40, "eventType", "事件类型不超过 40 个字符。");
        if (errors.Any) return Outcome<Paged<DeliveryResource>>.Invalid(errors);
        var rows = db.Outbox.AsNoTracking();
        if (kind is { } k) rows = rows.Where(m => m.Kind == k);
        if (status is { } s) rows = rows.Where(m => m.Status == s);
        if (type is not null) rows = rows.Where(m => m.EventType == type);
        if (q.SubscriptionId is { } sub) rows = rows.Where(m => m.SubscriptionId == sub);
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var ids = page.Where(m => m.SubscriptionId is not null).Select(m => m.SubscriptionId!.Value).Distinct().ToList();
        var names = await db.WebhookSubscriptions.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var items = page.Select(m => new DeliveryResource(m.Id, m.Kind, m.EventId, m.EventType, m.SubscriptionId,
            m.Kind == OutboxKind.Sms
                ? Masking.Phone(protector.Unprotect(m.PhoneProtected)) ?? ""
                : names.GetValueOrDefault(m.SubscriptionId!.Value, m.Target),
            m.RegionCode, m.Status, m.Attempts, m.NextAttemptAt, m.LastError, m.CreatedAt, m.SentAt, m.GatewayMessageId, m.ReceiptAt)).ToList();
        return new Paged<DeliveryResource>(items, paging.Page, paging.PageSize, total);
    }
}
