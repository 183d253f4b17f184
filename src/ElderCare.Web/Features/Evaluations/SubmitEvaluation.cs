using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Evaluations;

/// <summary>
/// The assigned evaluator submits a draft, or resubmits an objected sheet after review (三(二)(三)): every indicator scored,
/// evidence where the template requires it (<see cref="EvaluationScoring.CheckComplete"/>).
/// </summary>
public static class SubmitEvaluation
{
    public static async Task<Outcome<EvaluationResource>> Handle(Guid id, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var (sheet, refusal) = await EvaluationQueries.ChangeableAsync(id, user, db, ct);
        if (sheet is null) return refusal!;
        if (sheet.Status == EvaluationStatus.Submitted) return Outcome<EvaluationResource>.Conflict("评估已提交，等待审定。");
        var template = await db.EvaluationTemplates.AsNoTracking().FirstAsync(t => t.Id == sheet.TemplateId, ct);
        var errors = EvaluationScoring.CheckComplete(template.Indicators, EvaluationScoring.Of(sheet.Scores));
        if (errors.Any) return Outcome<EvaluationResource>.Invalid(errors);
        (sheet.Status, sheet.SubmittedAt, sheet.SubmittedBy) = (EvaluationStatus.Submitted, clock.UtcNow(), user.UserName);
        sheet.Version++;
        return await EvaluationQueries.SaveAsync(sheet, db, ct);
    }
}
