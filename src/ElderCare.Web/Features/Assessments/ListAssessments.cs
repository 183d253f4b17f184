using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Assessments;

/// <summary>An elder's capability assessments, the newest first; the newest sets the current level (a handful per elder, not paged).</summary>
public static class ListAssessments
{
    public static async Task<Outcome<IReadOnlyList<AssessmentResult>>> Handle(Guid elderId, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var elder = await db.Elders.AsNoTracking().InScope(scope, db).Where(e => e.Id == elderId).Select(e => new { e.ConditionChangedOn })
            .FirstOrDefaultAsync(ct);
        if (elder is null) return Outcome<IReadOnlyList<AssessmentResult>>.NotFound("未找到该老年人。");
        var list = await db.Assessments.AsNoTracking().Where(a => a.ElderId == elderId)
            .OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.RecordedAt).ToListAsync(ct);
        return Outcome<IReadOnlyList<AssessmentResult>>.Ok(list.Select(a => AssessmentResult.From(a, elder.ConditionChangedOn)).ToList());
    }
}
