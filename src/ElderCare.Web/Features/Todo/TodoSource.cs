using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Todo;

/// <summary>One thing a user has to do, linking to the page where it is done (三(一): 履职照单免责、失职照单问责).</summary>
/// <param name="Kind">What sort of item (任务 / 整改 / 季报 …), shown as the group heading.</param>
/// <param name="Title">One line naming the record, e.g. "昌元街道 2026年第3季度季报待提交".</param>
/// <param name="Link">The local page that does it, e.g. "/reports/…".</param>
/// <param name="DueAt">UTC deadline, if it has one.</param>
/// <param name="Overdue">Past its deadline on the app clock.</param>
public sealed record TodoItem(string Kind, string Title, string Link, DateTime? DueAt, bool Overdue);

/// <summary>
/// A feature's contribution to the to-do centre: each feature that gives users work registers one
/// (<c>services.AddScoped&lt;ITodoSource, …&gt;()</c>); the centre asks them all. Both methods apply the user's
/// <see cref="DataScope"/> and answer nothing for roles the work is not for. <see cref="CountAsync"/> runs on every page
/// (the header badge), so it is one cheap COUNT query.
/// </summary>
public interface ITodoSource
{
    Task<int> CountAsync(TodoUser user, AppDbContext db, DateTime now, CancellationToken ct);

    Task<IReadOnlyList<TodoItem>> ListAsync(TodoUser user, AppDbContext db, DateTime now, int take, CancellationToken ct);
}

/// <summary>
/// A source whose items are the rows of one query: the badge counts it, the list reads its first rows; a user the work
/// is not for (no query) has none.
/// </summary>
public abstract class QueryTodoSource<T> : ITodoSource
{
    public Task<int> CountAsync(TodoUser user, AppDbContext db, DateTime now, CancellationToken ct) =>
        Query(user, db, now) is { } q ? q.CountAsync(ct) : Task.FromResult(0);

    public async Task<IReadOnlyList<TodoItem>> ListAsync(TodoUser user, AppDbContext db, DateTime now, int take, CancellationToken ct) =>
        Query(user, db, now) is { } q ? await ItemsAsync(q, db, now, take, ct) : [];

    /// <summary>The rows that are this user's work; null when the work is not for the user's role or scope.</summary>
    protected abstract IQueryable<T>? Query(TodoUser user, AppDbContext db, DateTime now);

    /// <summary>The first <paramref name="take"/> rows of <paramref name="query"/>, in the source's order, as items.</summary>
    protected abstract Task<IReadOnlyList<TodoItem>> ItemsAsync(IQueryable<T> query, AppDbContext db, DateTime now, int take,
        CancellationToken ct);
}

/// <summary>Who the list is for: role, scope and user id, taken once from <see cref="CurrentUser"/>.</summary>
public sealed record TodoUser(Role Role, DataScope Scope, Guid UserId)
{
    public static TodoUser? Of(CurrentUser user) =>
        user is { Role: { } role, Id: { } id } ? new TodoUser(role, user.Scope, id) : null;

    /// <summary>A street or town officer or an operator, seeing its own unit or facilities (the district's list would be all).</summary>
    public bool WorksLocally => Role is (Role.TownOfficer or Role.Operator) && Scope.Kind is (ScopeKind.Unit or ScopeKind.Facilities);
}
