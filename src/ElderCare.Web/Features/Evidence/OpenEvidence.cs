using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Evidence;

/// <summary>The content of an evidence file, with its metadata; the caller disposes <see cref="Content"/>.</summary>
public sealed record EvidenceContent(EvidenceResource File, Stream Content);

public static class OpenEvidence
{
    /// <summary>The audit action of a download.</summary>
    public const string AuditAction = "data.download";

    /// <summary>
    /// Opens the content of an evidence file of a facility in scope, and writes the download to the audit trail (等保
    /// 8.1.4.3, as a read of personal data is: evidence photos show elders and staff). Another unit's file is not found.
    /// </summary>
    public static async Task<Outcome<EvidenceContent>> Handle(Guid id, CurrentUser user, AppDbContext db, IEvidenceStore store,
        AuditLog audit, CancellationToken ct)
    {
        var file = await db.EvidenceFiles.AsNoTracking().InScope(user.Scope, db).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (file is null) return Outcome<EvidenceContent>.NotFound(GetEvidenceFile.NotFound);
        if (!await store.ExistsAsync(file.StorageKey, ct))
        {
            await audit.AppendAsync(new(user.Id, user.UserName, AuditAction, $"evidence/{id}", AuditOutcome.Failure, user.Address,
                $"存储中缺少文件 {file.StorageKey}"));
            return Outcome<EvidenceContent>.NotFound("该证明材料的文件已不在存储中，请联系管理员。");
        }
        var content = await store.OpenReadAsync(file.StorageKey, ct);
        await audit.AppendAsync(new(user.Id, user.UserName, AuditAction, $"evidence/{id}", AuditOutcome.Success, user.Address,
            $"{file.FileName}（{file.ContentType}，{file.Length} 字节，设施 {file.FacilityId}）"));
        return new EvidenceContent(EvidenceResource.From(file), content);
    }
}
