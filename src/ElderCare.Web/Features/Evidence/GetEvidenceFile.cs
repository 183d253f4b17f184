using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Evidence;

public static class GetEvidenceFile
{
    public const string NotFound = "未找到该证明材料。";

    /// <summary>The metadata of one evidence file of a facility in scope; another unit's file is not found.</summary>
    public static async Task<Outcome<EvidenceResource>> Handle(Guid id, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var file = await db.EvidenceFiles.AsNoTracking().InScope(scope, db).FirstOrDefaultAsync(f => f.Id == id, ct);
        return file is null ? Outcome<EvidenceResource>.NotFound(NotFound) : EvidenceResource.From(file);
    }
}
