using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Evaluations;

/// <summary>The evaluation templates (三(二)(三)), by year, kind and facility type; optionally of one year or kind.</summary>
public static class ListEvaluationTemplates
{
    public sealed record Query
    {
        public int? Year { get; init; }
        public string? Kind { get; init; }
    }

    public static async Task<Outcome<List<EvaluationTemplateResource>>> Handle(Query query, AppDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var kind = EnumText.Optional<EvaluationKind>(query.Kind, "kind", errors);
        if (errors.Any) return Outcome<List<EvaluationTemplateResource>>.Invalid(errors);
        var templates = db.EvaluationTemplates.AsNoTracking();
        if (query.Year is { } y) templates = templates.Where(t => t.Year == y);
        if (kind is { } k) templates = templates.Where(t => t.Kind == k);
        return (await templates.ToListAsync(ct)).OrderByDescending(t => t.Year).ThenBy(t => t.Kind).ThenBy(t => t.FacilityType)
            .Select(EvaluationTemplateResource.From).ToList();
    }
}
