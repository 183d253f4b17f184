using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Todo.Sources;

/// <summary>
/// Worker certificates expiring within <see cref="Days"/> days (二(六): 持证上岗 — a qualification counts only while its
/// certificate is valid): active workers in scope with a certificate expiring from today to today + 30, for those
/// who manage workers in a street or town or at a facility (the district's list would be every worker's).
/// </summary>
public sealed class CertificateTodoSource : QueryTodoSource<Worker>
{
    public const string Kind = "证书到期";
    public const int Days = 30;

    protected override async Task<IReadOnlyList<TodoItem>> ItemsAsync(IQueryable<Worker> q, AppDbContext db, DateTime now, int take,
        CancellationToken ct)
    {
        var today = TaskTodoSource.Today(now);
        var until = today.AddDays(Days);
        var workers = await q.OrderBy(w => w.Name).ThenBy(w => w.Id).Take(take).ToListAsync(ct);
        return workers.Select(w =>
        {
            var c = w.Certificates.Where(c => c.ExpiresOn >= today && c.ExpiresOn <= until).MinBy(c => c.ExpiresOn)!;
            return new TodoItem(Kind, $"{w.Name} 的“{c.Qualification}”证书 {c.ExpiresOn:yyyy-MM-dd} 到期", $"/workers/{w.Id}/edit",
                TaskDeadline.EndsAtUtc(c.ExpiresOn), false);
        }).ToList();
    }

    protected override IQueryable<Worker>? Query(TodoUser user, AppDbContext db, DateTime now)
    {
        if (!user.WorksLocally) return null;
        var today = TaskTodoSource.Today(now);
        var until = today.AddDays(Days);
        return db.Workers.AsNoTracking().InScope(user.Scope, db)
            .Where(w => w.Active && w.Certificates.Any(c => c.ExpiresOn >= today && c.ExpiresOn <= until));
    }
}
