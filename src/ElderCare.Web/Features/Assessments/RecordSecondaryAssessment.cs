using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Assessments;

/// <summary>
/// What <see cref="RecordBarthel"/> and <see cref="RecordSelfCare"/> share: an active elder in scope (特困人员 for the
/// self-care determination), the date and the assessor, then the scored answers stored encrypted (health data).
/// </summary>
public static class RecordSecondaryAssessment
{
    /// <summary>One instrument's scoring: its errors so far, its answers (serialized only when saved), score and grade.</summary>
    public sealed record Scored(SecondaryInstrument Instrument, DateOnly? AssessedOn, string? Assessor, FieldErrors Errors,
        bool RequireExtremePoverty, Func<string> Answers, int Score, string Grade);

    public static async Task<Outcome<SecondaryAssessmentResult>> Handle(Guid elderId, Scored scored, CurrentUser user, AppDbContext db,
        FieldProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var (instrument, assessedOn, assessor, errors, requireExtremePoverty, answers, score, grade) = scored;
        var elder = await db.Elders.AsNoTracking().InScope(user.Scope, db).Where(e => e.Id == elderId)
            .Select(e => new { e.Status, e.Categories }).FirstOrDefaultAsync(ct);
        if (elder is null) return Outcome<SecondaryAssessmentResult>.NotFound("未找到该老年人。");
        if (elder.Status != ElderStatus.Active) return Outcome<SecondaryAssessmentResult>.Conflict("该老年人已迁出或已故，不能再录入评估。");
        // 《特困人员认定办法》: the six-indicator determination is made for 特困人员 only.
        if (requireExtremePoverty && !elder.Categories.Contains(ElderCategory.ExtremePoverty))
            return Outcome<SecondaryAssessmentResult>.Conflict("该老年人未登记为特困人员，生活自理能力认定仅适用于特困人员。");

        if (assessedOn is null) errors.Add("assessedOn", "请填写评估日期。");
        else errors.AddIf(assessedOn > clock.Today(), "assessedOn", "评估日期不能晚于今天。");
        assessor = errors.Text(assessor, "assessor", "评估人员", FreeText.PersonName);
        var name = assessor?.Trim() ?? "";
        errors.AddIf(name.Length == 0, "assessor", "请填写评估人员。");
        errors.AddIf(name.Length > 50, "assessor", "评估人员姓名不能超过 50 个字。");
        if (errors.Any) return Outcome<SecondaryAssessmentResult>.Invalid(errors);

        var entity = new SecondaryAssessment
        {
            ElderId = elderId, Instrument = instrument, AssessedOn = assessedOn!.Value, Assessor = name,
            AnswersProtected = protector.Protect(answers())!, Score = score, Grade = grade, RecordedBy = user.Id, RecordedAt = clock.UtcNow(),
        };
        db.SecondaryAssessments.Add(entity);
        await db.SaveChangesAsync(ct);
        return SecondaryAssessmentResult.From(entity);
    }
}
