using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Evidence;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>A visit's photo or signature, for the order page (ADR 30: the bytes in the evidence store, scoped like the order).</summary>
public static class OpenVisitAttachment
{
    public sealed record Opened(Stream Content, string ContentType);

    public static async Task<Outcome<Opened>> Handle(Guid orderId, Guid attachmentId, DataScope scope, AppDbContext db, IEvidenceStore store,
        CancellationToken ct)
    {
        var file = await db.VisitAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.OrderId == orderId && db.ServiceOrders.InScope(scope, db).Any(o => o.Id == orderId))
            .FirstOrDefaultAsync(ct);
        if (file is null || !await store.ExistsAsync(file.StorageKey, ct))
            return Outcome<Opened>.NotFound("找不到该照片或签名，或不在您的管辖范围内。");
        return new Opened(await store.OpenReadAsync(file.StorageKey, ct), file.ContentType);
    }
}
