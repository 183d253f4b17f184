using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Assessments;

/// <summary>An elder's Barthel and self-care records, the newest first (a handful per elder, so not paged).</summary>
public static class ListSecondaryAssessments
{
    public static async Task<Outcome<IReadOnlyList<SecondaryAssessmentResult>>> Handle(Guid elderId, DataScope scope, AppDbContext db,
        CancellationToken ct)
    {
        if (!await db.Elders.AsNoTracking().InScope(scope, db).AnyAsync(e => e.Id == elderId, ct))
            return Outcome<IReadOnlyList<SecondaryAssessmentResult>>.NotFound("未找到该老年人。");
        var list = await db.SecondaryAssessments.AsNoTracking().Where(a => a.ElderId == elderId)
            .OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.RecordedAt).ToListAsync(ct);
        return Outcome<IReadOnlyList<SecondaryAssessmentResult>>.Ok(list.Select(SecondaryAssessmentResult.From).ToList());
    }
}
