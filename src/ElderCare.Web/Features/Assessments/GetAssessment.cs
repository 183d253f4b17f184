using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Assessments;

/// <summary>What the assessment report (GB/T 42195-2022 附录C) shows of the elder: the ID number masked.</summary>
public sealed record AssessedElder(Guid Id, string Name, string IdNumber, Sex Sex, DateOnly BirthDate, int AgeWhenAssessed,
    string RegionCode, string? RegionName, string? UnitName);

public sealed record AssessmentReport(AssessedElder Elder, AssessmentResult Assessment, bool IsLatest);

public static class GetAssessment
{
    /// <summary>One assessment of an elder in scope, with what its report needs; 404 when either is missing or out of scope.</summary>
    public static async Task<Outcome<AssessmentReport>> Handle(Guid elderId, Guid assessmentId, DataScope scope, AppDbContext db,
        FieldProtector protector, CancellationToken ct)
    {
        var elder = await db.Elders.AsNoTracking().InScope(scope, db).Where(e => e.Id == elderId)
            .Select(e => new
            {
                e.Id, e.Name, e.IdNumberProtected, e.Sex, e.BirthDate, e.RegionCode, e.UnitCode, e.ConditionChangedOn,
                RegionName = db.Regions.Where(r => r.Code == e.RegionCode).Select(r => r.Name).FirstOrDefault(),
                UnitName = db.Regions.Where(r => r.Code == e.UnitCode).Select(r => r.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (elder is null) return Outcome<AssessmentReport>.NotFound("未找到该老年人。");
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId && a.ElderId == elderId, ct);
        if (assessment is null) return Outcome<AssessmentReport>.NotFound("未找到该评估记录。");
        var later = await db.Assessments.AsNoTracking().AnyAsync(a => a.ElderId == elderId && a.Id != assessmentId
            && (a.AssessedOn > assessment.AssessedOn || (a.AssessedOn == assessment.AssessedOn && a.RecordedAt > assessment.RecordedAt)), ct);

        var who = new AssessedElder(elder.Id, elder.Name, Masking.IdNumber(protector.Unprotect(elder.IdNumberProtected))!, elder.Sex, elder.BirthDate,
            // An ID number corrected after the assessment may move the birth date past it; the age then reads 0, never a crash.
            assessment.AssessedOn >= elder.BirthDate ? IdNumber.Age(elder.BirthDate, assessment.AssessedOn) : 0, elder.RegionCode, elder.RegionName,
            elder.RegionCode == elder.UnitCode ? null : elder.UnitName);
        return new AssessmentReport(who, AssessmentResult.From(assessment, elder.ConditionChangedOn), !later);
    }
}
