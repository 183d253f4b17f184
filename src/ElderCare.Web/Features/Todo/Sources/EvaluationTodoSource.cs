using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Todo.Sources;

/// <summary>
/// Evaluations to score (三(二)(三): third-party evaluation): an evaluator's assigned sheets still in draft, or objected to
/// by the facility (to be rescored and resubmitted).
/// </summary>
public sealed class EvaluationTodoSource : QueryTodoSource<Evaluation>
{
    public const string Kind = "评估打分";

    protected override async Task<IReadOnlyList<TodoItem>> ItemsAsync(IQueryable<Evaluation> q, AppDbContext db, DateTime now, int take,
        CancellationToken ct)
    {
        var rows = await q.OrderBy(e => e.AssignedAt).ThenBy(e => e.Id).Take(take)
            .Select(e => new
            {
                e.Id, e.Status,
                Facility = db.Facilities.Where(f => f.Id == e.FacilityId).Select(f => f.Name).FirstOrDefault(),
                Round = db.EvaluationRounds.Where(r => r.Id == e.RoundId).Select(r => r.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        return rows.Select(r => new TodoItem(Kind,
            $"{r.Facility}（{r.Round}）{(r.Status == EvaluationStatus.Objected ? "有异议，待复评后重新提交" : "待评分提交")}",
            $"/evaluations/{r.Id}", null, false)).ToList();
    }

    protected override IQueryable<Evaluation>? Query(TodoUser user, AppDbContext db, DateTime now)
    {
        if (user.Role != Role.Evaluator) return null;
        var id = user.UserId;
        return db.Evaluations.AsNoTracking()
            .Where(e => e.EvaluatorUserIds.Contains(id) && (e.Status == EvaluationStatus.Draft || e.Status == EvaluationStatus.Objected));
    }
}
