using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Evaluations;

/// <summary>
/// The facility (its operator, or the town for its unit) objects to a submitted evaluation, once, with a reason
/// (三(二)(三)); the sheet goes back to the evaluator for review and resubmission.
/// </summary>
public static class ObjectToEvaluation
{
    public sealed record Input(string? Reason);

    public static async Task<Outcome<EvaluationResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var (sheet, refusal) = await EvaluationQueries.ChangeableAsync(id, user, db, ct);
        if (sheet is null) return refusal!;
        if (sheet.ObjectionReason is not null)
            return Outcome<EvaluationResource>.Conflict($"已于 {sheet.ObjectedAt:yyyy-MM-dd} 提出过异议，每份评估只能提出一次。");
        if (sheet.Status != EvaluationStatus.Submitted) return Outcome<EvaluationResource>.Conflict("评估尚未提交，不能提出异议。");
        var errors = new FieldErrors();
        var reason = errors.Text(input.Reason, "reason", "异议理由", FreeText.Reason, multiLine: true);
        if (!errors.Any && string.IsNullOrWhiteSpace(reason)) errors.Add("reason", "请填写异议理由。");
        if (errors.Any) return Outcome<EvaluationResource>.Invalid(errors);
        (sheet.Status, sheet.ObjectionReason, sheet.ObjectedBy, sheet.ObjectedAt) =
            (EvaluationStatus.Objected, reason, user.UserName ?? "", clock.UtcNow());
        sheet.Version++;
        return await EvaluationQueries.SaveAsync(sheet, db, ct);
    }
}
