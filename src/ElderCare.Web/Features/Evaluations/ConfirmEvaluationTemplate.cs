using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Evaluations;

/// <summary>
/// The district confirms a seeded evaluation template as its own (三(二)(三), ADR 0023): the 待确认 mark goes, the source
/// (a document number or a reason) and the user are kept.
/// </summary>
public static class ConfirmEvaluationTemplate
{
    public sealed record Input(string? Source);

    public static Task<Outcome<EvaluationTemplateResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct) =>
        Placeholders.Confirm(input.Source, user, clock, db, () => db.EvaluationTemplates.FirstOrDefaultAsync(t => t.Id == id, ct),
            "找不到该评估模板。", "该评估模板", EvaluationTemplateResource.From, ct);
}
