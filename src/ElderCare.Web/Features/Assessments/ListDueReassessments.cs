using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Assessments;

/// <summary>One elder whose reassessment is due (Reassessment.Due), and to whom it is assigned, if anyone.</summary>
public sealed record DueReassessment(Guid ElderId, string Name, string RegionCode, DateOnly LastAssessedOn, DateOnly DueOn,
    AssessmentReason Reason, bool Overdue, Guid? AssessorId, string? AssessorName, DateOnly? AssignedOn);

/// <summary>Who may be given a reassessment: a user whose role assesses elders, in the assigner's scope (AssignReassessments).</summary>
public sealed record AssessorChoice(Guid Id, string Name, string Role, string? RegionCode);

public sealed record DueReassessments(Paged<DueReassessment> Elders, IReadOnlyList<AssessorChoice> Assessors);

/// <summary>
/// The elders in scope whose reassessment is due (Reassessment: 12 months after the last assessment, at once after a
/// change of condition), or due within <c>withinDays</c>; the most overdue first; with the assessors one may assign.
/// </summary>
public static class ListDueReassessments
{
    public const int MaxWithinDays = 90;

    public sealed record Query
    {
        public int? WithinDays { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public static async Task<Outcome<DueReassessments>> Handle(Query q, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(q.Page, q.PageSize, errors);
        errors.AddIf(q.WithinDays is < 0 or > MaxWithinDays, "withinDays", $"提前天数应为 0 至 {MaxWithinDays}。");
        if (errors.Any) return Outcome<DueReassessments>.Invalid(errors);
        var today = clock.Today();
        var elders = Due(db.Elders.AsNoTracking().InScope(scope, db), today.AddDays(q.WithinDays ?? 0));
        var total = await elders.CountAsync(ct);
        var rows = await elders.OrderBy(e => e.LastAssessedOn).ThenBy(e => e.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(e => new
            {
                e.Id, e.Name, e.RegionCode, e.LastAssessedOn, e.ConditionChangedOn,
                Assignment = db.ReassessmentAssignments.Where(a => a.ElderId == e.Id).Select(a => new
                {
                    a.AssessorId, a.AssignedOn, Name = db.Users.Where(u => u.Id == a.AssessorId).Select(u => u.DisplayName).FirstOrDefault(),
                }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var items = rows.Select(e =>
        {
            var due = Reassessment.Due(e.LastAssessedOn!.Value, e.ConditionChangedOn);
            return new DueReassessment(e.Id, e.Name, e.RegionCode, e.LastAssessedOn.Value, due.On, due.Reason, today >= due.On,
                e.Assignment?.AssessorId, e.Assignment?.Name, e.Assignment?.AssignedOn);
        }).ToList();
        var assessors = await AssignReassessments.Assessors(scope, db).OrderBy(u => u.Role).ThenBy(u => u.DisplayName).Take(200)
            .Select(u => new { u.Id, u.DisplayName, u.UserName, u.Role, u.RegionCode }).ToListAsync(ct);
        return new DueReassessments(new Paged<DueReassessment>(items, paging.Page, paging.PageSize, total),
            assessors.Select(u => new AssessorChoice(u.Id, u.DisplayName.Length > 0 ? u.DisplayName : u.UserName ?? "", Roles.Of(u.Role),
                u.RegionCode)).ToList());
    }

    /// <summary>
    /// Active elders assessed before whose reassessment falls due on or before <paramref name="by"/>: the elder list's
    /// "assessment overdue" filter (Reassessment.IsOverdue) as of that day.
    /// </summary>
    public static IQueryable<Elder> Due(IQueryable<Elder> elders, DateOnly by)
    {
        var dueBefore = by.AddMonths(-Reassessment.CycleMonths);
        return elders.Where(e => e.Status == ElderStatus.Active && e.LastAssessedOn != null
                                 && (e.LastAssessedOn <= dueBefore || e.ConditionChangedOn > e.LastAssessedOn));
    }
}
