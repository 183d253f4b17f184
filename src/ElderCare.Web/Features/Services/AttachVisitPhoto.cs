using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Evidence;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

public sealed record VisitAttachmentResource(Guid Id, Guid OrderId, VisitAttachmentKind Kind, string ContentType, long Length, string Sha256,
    string UploadedBy, DateTime UploadedAt)
{
    public static VisitAttachmentResource From(VisitAttachment a) =>
        new(a.Id, a.OrderId, a.Kind, a.ContentType, a.Length, a.Sha256, a.UploadedBy, a.UploadedAt);
}

/// <summary>
/// A photo of the work as evidence of a visit (optional), while the visit runs or after it closed. Stored like every
/// evidence file (<see cref="StoreEvidence"/>: read once within <see cref="EvidenceOptions.MaxBytes"/>, hashed, the type
/// sniffed from the bytes, content-addressed in the <see cref="IEvidenceStore"/>), but only images; the order must be the
/// caller's as a read of it (ADR 19). The same bytes for the same visit return the record already there.
/// </summary>
public static class AttachVisitPhoto
{
    public const string NotAnImage = "只接受 JPEG、PNG 或 WebP 照片（按文件内容判断）。";

    public static async Task<Outcome<VisitAttachmentResource>> Handle(Guid orderId, Stream content, CurrentUser user, AppDbContext db,
        IEvidenceStore store, EvidenceOptions options, TimeProvider clock, CancellationToken ct)
    {
        var order = await db.ServiceOrders.AsNoTracking().InScope(user.Scope, db).Where(o => o.Id == orderId).Select(o => new { o.Status })
            .FirstOrDefaultAsync(ct);
        if (order is null) return Outcome<VisitAttachmentResource>.NotFound("找不到该工单，或不在您的管辖范围内。");
        if (order.Status is not (OrderStatus.InProgress or OrderStatus.Completed))
            return Outcome<VisitAttachmentResource>.Conflict("签到后才能上传服务照片。");
        var stored = await StoreAsync(orderId, VisitAttachmentKind.Photo, content, "photo", user.UserName ?? "", db, store, options, clock, ct);
        if (!stored.IsOk) return Outcome<VisitAttachmentResource>.Invalid(stored.Errors!);
        await db.SaveChangesAsync(ct);
        return VisitAttachmentResource.From(stored.Value!);
    }

    /// <summary>
    /// Stores the bytes (an image: JPEG, PNG or WebP; a signature must be PNG) and adds the record to the context, not saved;
    /// errors under <paramref name="field"/>.
    /// </summary>
    internal static async Task<Outcome<VisitAttachment>> StoreAsync(Guid orderId, VisitAttachmentKind kind, Stream content, string field,
        string userName, AppDbContext db, IEvidenceStore store, EvidenceOptions options, TimeProvider clock, CancellationToken ct)
    {
        await using var spool = new FileStream(Path.Combine(Path.GetTempPath(), "eldercare-visit-" + Guid.NewGuid().ToString("N")),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        var (length, sha256) = await StoreEvidence.SpoolAsync(content, spool, options.MaxBytes, ct);
        if (length > options.MaxBytes) return Outcome<VisitAttachment>.Invalid(field, StoreEvidence.TooLarge(options));
        if (length == 0) return Outcome<VisitAttachment>.Invalid(field, "上传的文件是空的。");
        var type = await EvidenceTypes.OfAsync(spool, ct);
        var accepted = kind == VisitAttachmentKind.Signature
            ? type == EvidenceTypes.Png
            : type == EvidenceTypes.Jpeg || type == EvidenceTypes.Png || type == EvidenceTypes.WebP;
        if (!accepted)
            return Outcome<VisitAttachment>.Invalid(field, kind == VisitAttachmentKind.Signature ? "签名图片无效，请重新签名。" : NotAnImage);
        var existing = db.VisitAttachments.Local.FirstOrDefault(a => a.OrderId == orderId && a.Sha256 == sha256)
            ?? await db.VisitAttachments.FirstOrDefaultAsync(a => a.OrderId == orderId && a.Sha256 == sha256, ct);
        if (existing is not null) return existing;
        var key = EvidenceKeys.For(sha256);
        spool.Position = 0;
        await store.PutAsync(key, spool, ct);
        var attachment = new VisitAttachment
        {
            OrderId = orderId, Kind = kind, ContentType = type!.ContentType, Length = length, Sha256 = sha256, StorageKey = key,
            UploadedBy = userName, UploadedAt = clock.UtcNow(),
        };
        db.VisitAttachments.Add(attachment);
        return attachment;
    }
}
