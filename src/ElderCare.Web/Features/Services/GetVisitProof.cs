using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>How a visit's positions were taken, its checklist and its photos and signature, as officers check them.</summary>
public sealed record VisitProofResource(Guid OrderId, PositionSource? CheckInSource, double? CheckInAccuracy, string? CheckInReason,
    PositionSource? CheckOutSource, double? CheckOutAccuracy, string? CheckOutReason, IReadOnlyList<string> ChecklistSteps,
    IReadOnlyList<string> ChecklistTicked, Guid? SignatureId, IReadOnlyList<VisitAttachmentResource> Attachments);

public static class GetVisitProof
{
    public static async Task<Outcome<VisitProofResource>> Handle(Guid orderId, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        if (!await db.ServiceOrders.AsNoTracking().InScope(scope, db).AnyAsync(o => o.Id == orderId, ct))
            return Outcome<VisitProofResource>.NotFound("找不到该工单，或不在您的管辖范围内。");
        var p = await db.VisitProofs.AsNoTracking().FirstOrDefaultAsync(x => x.OrderId == orderId, ct);
        var files = (await db.VisitAttachments.AsNoTracking().Where(a => a.OrderId == orderId).ToListAsync(ct))
            .OrderBy(a => a.UploadedAt).Select(VisitAttachmentResource.From).ToList();
        return new VisitProofResource(orderId, p?.CheckInSource, p?.CheckInAccuracy, p?.CheckInReason, p?.CheckOutSource, p?.CheckOutAccuracy,
            p?.CheckOutReason, p?.ChecklistSteps ?? [], p?.ChecklistTicked ?? [], p?.SignatureId, files);
    }
}
