using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Todo;

/// <summary>One kind of to-do (the page's group): how many there are and the first ones.</summary>
public sealed record TodoGroup(string Kind, int Count, IReadOnlyList<TodoItem> Items);

/// <summary>The to-do centre of a user: the total and the groups, most urgent kind first.</summary>
public sealed record TodoList(int Total, IReadOnlyList<TodoGroup> Groups);

/// <summary>
/// The to-do centre (三(一): 履职照单免责、失职照单问责): asks every registered <see cref="ITodoSource"/> for the user's count
/// and first items (each source applies the user's scope and role), groups them by kind, overdue kinds first.
/// </summary>
public static class GetTodos
{
    public const int DefaultTake = 20;
    public const int MaxTake = 100;

    public static async Task<TodoList> Handle(CurrentUser user, int? take, IEnumerable<ITodoSource> sources, AppDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        if (TodoUser.Of(user) is not { } who) return new TodoList(0, []);
        var n = Math.Clamp(take ?? DefaultTake, 1, MaxTake);
        var now = clock.UtcNow();
        var groups = new List<TodoGroup>();
        foreach (var source in sources)
        {
            var count = await source.CountAsync(who, db, now, ct);
            if (count == 0) continue;
            var items = await source.ListAsync(who, db, now, n, ct);
            foreach (var kind in items.GroupBy(i => i.Kind))
                groups.Add(new TodoGroup(kind.Key, items.Count == kind.Count() ? count : kind.Count(), kind.ToList()));
        }
        var merged = groups.GroupBy(g => g.Kind)
            .Select(g => new TodoGroup(g.Key, g.Sum(x => x.Count), g.SelectMany(x => x.Items).OrderBy(i => i.DueAt ?? DateTime.MaxValue).Take(n)
                .ToList()))
            .OrderByDescending(g => g.Items.Any(i => i.Overdue)).ThenBy(g => g.Kind, StringComparer.Ordinal).ToList();
        return new TodoList(merged.Sum(g => g.Count), merged);
    }
}
