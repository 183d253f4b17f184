using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Evaluations;

/// <summary>A page of evaluation sheets in the user's scope, by year, round, status and street or town.</summary>
public static class ListEvaluations
{
    public sealed record Query
    {
        public int? Year { get; init; }
        public Guid? RoundId { get; init; }
        public string? Status { get; init; }
        public string? UnitCode { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public static async Task<Outcome<Paged<EvaluationResource>>> Handle(Query query, CurrentUser user, AppDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(query.Page, query.PageSize, errors);
        var status = EnumText.Optional<EvaluationStatus>(query.Status, "status", errors);
        if (errors.Any) return Outcome<Paged<EvaluationResource>>.Invalid(errors);
        var sheets = db.Evaluations.AsNoTracking().InScope(user);
        if (query.Year is { } y) sheets = sheets.Where(e => db.EvaluationRounds.Any(r => r.Id == e.RoundId && r.Year == y));
        if (query.RoundId is { } rid) sheets = sheets.Where(e => e.RoundId == rid);
        if (status is { } s) sheets = sheets.Where(e => e.Status == s);
        if (!string.IsNullOrWhiteSpace(query.UnitCode)) sheets = sheets.Where(e => e.UnitCode == query.UnitCode.Trim());
        var total = await sheets.CountAsync(ct);
        var page = sheets.OrderBy(e => e.AssignedAt).ThenBy(e => e.Id).Skip(paging.Skip).Take(paging.PageSize);
        return new Paged<EvaluationResource>(await EvaluationQueries.Resources(page, db, ct), paging.Page, paging.PageSize, total);
    }
}
