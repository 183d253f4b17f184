using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Todo;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Supervision;

/// <summary>
/// The supervision work in the to-do centre (三(一): 履职照单免责、失职照单问责): findings to rectify for the facility's operator
/// and the town officer (in scope; overdue flagged by <see cref="SupervisionRules.Overdue"/>), rectified findings to re-inspect
/// for the district and the third party (evaluator accounts).
/// </summary>
public sealed class SupervisionTodoSource : QueryTodoSource<SupervisionFinding>
{
    protected override async Task<IReadOnlyList<TodoItem>> ItemsAsync(IQueryable<SupervisionFinding> rows, AppDbContext db, DateTime now, int take,
        CancellationToken ct)
    {
        var found = await rows.OrderBy(f => f.DueAt).ThenBy(f => f.Id).Take(take)
            .Select(f => new { f.Id, f.FacilityId, f.Description, f.Severity, f.Status, f.DueAt }).ToListAsync(ct);
        var ids = found.Select(f => f.FacilityId).Distinct().ToList();
        var names = await db.Facilities.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        return found.Select(f => f.Status == FindingStatus.Open
            ? new TodoItem("整改", $"{names.GetValueOrDefault(f.FacilityId, "")}：{SupervisionLabels.Of(f.Severity)}问题待整改（{Short(f.Description)}）",
                $"/supervision/findings/{f.Id}", f.DueAt, SupervisionRules.Overdue(f.Status, f.DueAt, now))
            : new TodoItem("复查", $"{names.GetValueOrDefault(f.FacilityId, "")}：整改已完成，待复查（{Short(f.Description)}）",
                $"/supervision/findings/{f.Id}", null, false)).ToList();
    }

    /// <summary>The findings that are this user's work, or null when the role has none.</summary>
    protected override IQueryable<SupervisionFinding>? Query(TodoUser user, AppDbContext db, DateTime now) => user.Role switch
    {
        Role.Operator or Role.TownOfficer => db.SupervisionFindings.AsNoTracking().InScope(user.Scope).Where(f => f.Status == FindingStatus.Open),
        Role.DistrictAdmin or Role.DistrictStaff or Role.Evaluator =>
            db.SupervisionFindings.AsNoTracking().InScope(user.Scope).Where(f => f.Status == FindingStatus.Rectified),
        _ => null,
    };

    private static string Short(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
