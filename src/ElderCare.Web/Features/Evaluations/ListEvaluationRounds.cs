using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Evaluations;

/// <summary>The rounds of evaluations, newest year first (a round names a year and a kind; it holds no facility's data).</summary>
public static class ListEvaluationRounds
{
    public static async Task<List<EvaluationRoundResource>> Handle(int? year, AppDbContext db, CancellationToken ct)
    {
        var rounds = db.EvaluationRounds.AsNoTracking();
        if (year is { } y) rounds = rounds.Where(r => r.Year == y);
        return (await rounds.ToListAsync(ct)).OrderByDescending(r => r.Year).ThenByDescending(r => r.OpenedAt)
            .Select(EvaluationRoundResource.From).ToList();
    }
}
