using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Alarms;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Todo.Sources;

/// <summary>
/// Escalated alarms not yet resolved (二(四): 智慧紧急救援; <see cref="Escalation"/>): the district duty desk sees those
/// escalated to the district (not acknowledged in time), the street or town those escalated to it (nobody on site in
/// time), an operator both kinds at its stations.
/// </summary>
public sealed class AlarmTodoSource : QueryTodoSource<Alarm>
{
    public const string Kind = "报警升级";

    protected override async Task<IReadOnlyList<TodoItem>> ItemsAsync(IQueryable<Alarm> q, AppDbContext db, DateTime now, int take,
        CancellationToken ct)
    {
        var rows = await q.OrderBy(a => a.RaisedAt).ThenBy(a => a.Id).Take(take)
            .Select(a => new
            {
                a.Id, a.Kind, a.RaisedAt, a.Status, Elder = db.Elders.Where(e => e.Id == a.ElderId).Select(e => e.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(a => new TodoItem(Kind,
            $"{a.Elder} 的{AlarmLabels.Of(a.Kind)}报警（{Shared.Display.ChinaTime(a.RaisedAt)}）已升级，{AlarmLabels.Of(a.Status)}，未处置完毕",
            "/alarms", null, true)).ToList();
    }

    protected override IQueryable<Alarm>? Query(TodoUser user, AppDbContext db, DateTime now)
    {
        var open = db.Alarms.AsNoTracking().Where(a => a.Status != AlarmStatus.Resolved);
        return user.Role switch
        {
            Role.DistrictAdmin or Role.DistrictStaff => open.Where(a => a.EscalatedToDistrictAt != null),
            Role.TownOfficer when user.Scope.Kind == ScopeKind.Unit =>
                open.InScope(user.Scope).Where(a => a.EscalatedToTownAt != null),
            Role.Operator => open.InScope(user.Scope).Where(a => a.EscalatedToTownAt != null || a.EscalatedToDistrictAt != null),
            _ => null,
        };
    }
}
