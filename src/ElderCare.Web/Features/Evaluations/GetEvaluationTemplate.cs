using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Evaluations;

public static class GetEvaluationTemplate
{
    public static async Task<Outcome<EvaluationTemplateResource>> Handle(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.EvaluationTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } t
            ? EvaluationTemplateResource.From(t)
            : Outcome<EvaluationTemplateResource>.NotFound("找不到该评估模板。");
}
