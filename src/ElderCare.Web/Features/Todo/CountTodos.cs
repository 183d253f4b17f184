using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Todo;

/// <summary>The header badge: the sum of every registered source's count for the user (one COUNT each, no rows read).</summary>
public static class CountTodos
{
    public static async Task<int> Handle(CurrentUser user, IEnumerable<ITodoSource> sources, AppDbContext db, TimeProvider clock,
        CancellationToken ct) =>
        TodoUser.Of(user) is { } who ? await Handle(who, sources, db, clock.UtcNow(), ct) : 0;

    public static async Task<int> Handle(TodoUser who, IEnumerable<ITodoSource> sources, AppDbContext db, DateTime now, CancellationToken ct)
    {
        var total = 0;
        foreach (var source in sources) total += await source.CountAsync(who, db, now, ct); // one DbContext: one query at a time
        return total;
    }
}
