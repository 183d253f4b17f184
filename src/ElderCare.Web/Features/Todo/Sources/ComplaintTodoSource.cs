using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Services;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Todo.Sources;

/// <summary>
/// Overdue complaints (<see cref="ComplaintDeadlines"/>: unresolved past the deadline of their severity) on orders in the
/// user's scope, for those who handle orders: the district, the street or town, the operator.
/// </summary>
public sealed class ComplaintTodoSource : QueryTodoSource<Complaint>
{
    public const string Kind = "投诉逾期";

    protected override async Task<IReadOnlyList<TodoItem>> ItemsAsync(IQueryable<Complaint> q, AppDbContext db, DateTime now, int take,
        CancellationToken ct)
    {
        var rows = await q.OrderBy(c => c.DueAt).ThenBy(c => c.Id).Take(take).Select(c => new { c.Text, c.DueAt }).ToListAsync(ct);
        return rows.Select(c => new TodoItem(Kind, $"投诉“{Short(c.Text)}”已过处理期限（{Shared.Display.ChinaTime(c.DueAt)}）",
            "/complaints?overdue=true", c.DueAt, true)).ToList();
    }

    private static string Short(string text) => text.Length <= 30 ? text : text[..29] + "…";

    protected override IQueryable<Complaint>? Query(TodoUser user, AppDbContext db, DateTime now)
    {
        if (user.Role is not (Role.DistrictAdmin or Role.DistrictStaff or Role.TownOfficer or Role.Operator)) return null;
        var overdue = db.Complaints.AsNoTracking().Where(c => c.ResolvedAt == null && c.DueAt < now);
        if (user.Scope.Kind == ScopeKind.District) return overdue;
        // Per complaint, its order by key (EXISTS): not "in the unit's orders", which reads every order of the unit.
        var orders = db.ServiceOrders.InScope(user.Scope, db);
        return overdue.Where(c => orders.Any(o => o.Id == c.OrderId));
    }
}
