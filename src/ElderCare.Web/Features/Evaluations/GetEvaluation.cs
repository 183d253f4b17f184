using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Evaluations;

/// <summary>One evaluation sheet in the user's scope (an evaluator's own assignments, an operator's facilities, a town's unit).</summary>
public static class GetEvaluation
{
    public static async Task<Outcome<EvaluationResource>> Handle(Guid id, CurrentUser user, AppDbContext db, CancellationToken ct) =>
        await db.Evaluations.InScope(user).AnyAsync(e => e.Id == id, ct)
            ? await EvaluationQueries.Resource(id, db, ct)
            : Outcome<EvaluationResource>.NotFound(EvaluationQueries.NotFound);
}
