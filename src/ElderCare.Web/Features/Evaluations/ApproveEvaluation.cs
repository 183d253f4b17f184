using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Evaluations;

/// <summary>
/// The district approves a submitted sheet (三(二)(三)) — one objected to must first be resubmitted — and locks it: the
/// total and the banded grade become an <see cref="EvaluationResult"/>, the row the money cycle pays against; afterwards
/// every change by anyone is refused (<see cref="EvaluationScoring.Locked"/>).
/// </summary>
public static class ApproveEvaluation
{
    public static async Task<Outcome<EvaluationResource>> Handle(Guid id, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var (sheet, refusal) = await EvaluationQueries.ChangeableAsync(id, user, db, ct);
        if (sheet is null) return refusal!;
        if (sheet.Status == EvaluationStatus.Objected)
            return Outcome<EvaluationResource>.Conflict("该评估有异议：须由评估机构复核后重新提交，才能审定。");
        if (sheet.Status != EvaluationStatus.Submitted) return Outcome<EvaluationResource>.Conflict("评估尚未提交，不能审定。");
        var round = await db.EvaluationRounds.AsNoTracking().FirstAsync(r => r.Id == sheet.RoundId, ct);
        if (await db.EvaluationResults.AnyAsync(r => r.FacilityId == sheet.FacilityId && r.Year == round.Year && r.Kind == round.Kind, ct))
            return Outcome<EvaluationResource>.Conflict($"该设施 {round.Year} 年的{EvaluationLabels.Of(round.Kind)}结果已审定。");
        var template = await db.EvaluationTemplates.AsNoTracking().FirstAsync(t => t.Id == sheet.TemplateId, ct);
        var total = EvaluationScoring.Total(EvaluationScoring.Of(sheet.Scores));
        var now = clock.UtcNow();
        (sheet.Status, sheet.ApprovedBy, sheet.ApprovedAt) = (EvaluationStatus.Approved, user.UserName ?? "", now);
        sheet.Version++;
        db.EvaluationResults.Add(new EvaluationResult
        {
            FacilityId = sheet.FacilityId, Year = round.Year, Kind = round.Kind, RoundId = round.Id, EvaluationId = sheet.Id, Score = total,
            Grade = EvaluationScoring.Grade(total, template.Bands), ApprovedBy = user.UserName ?? "", ApprovedAt = now,
        });
        return await EvaluationQueries.SaveAsync(sheet, db, ct);
    }
}
