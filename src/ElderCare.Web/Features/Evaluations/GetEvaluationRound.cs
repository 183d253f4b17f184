using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Evaluations;

public static class GetEvaluationRound
{
    public static async Task<Outcome<EvaluationRoundResource>> Handle(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.EvaluationRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } r
            ? EvaluationRoundResource.From(r)
            : Outcome<EvaluationRoundResource>.NotFound("找不到该评估批次。");
}
