using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>An unassigned order of the day with its top dispatch suggestion (null when nobody qualifies).</summary>
public sealed record DayDispatchRow(Guid OrderId, string ElderName, string ItemName, DateTime WindowStart, DateTime WindowEnd,
    SuggestionResource? Top);

/// <summary>
/// 批量派单: the day's orders still waiting for a worker (待派单, China time), in scope, each with the first suggestion of
/// <see cref="SuggestWorkers"/> — the same rules as one order's page. Bounded: the busiest day of a district fits.
/// </summary>
public static class ListDayDispatch
{
    public const int MaxOrders = 100;

    public static async Task<IReadOnlyList<DayDispatchRow>> Handle(DateOnly day, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var start = ServiceTime.Utc(day.ToDateTime(TimeOnly.MinValue));
        var end = start.AddDays(1);
        var orders = await db.ServiceOrders.AsNoTracking().InScope(scope, db)
            .Where(o => o.Status == OrderStatus.Requested && o.WindowStart >= start && o.WindowStart < end)
            .OrderBy(o => o.WindowStart).ThenBy(o => o.Id).Take(MaxOrders)
            .Select(o => new { o.Id, Elder = db.Elders.Where(e => e.Id == o.ElderId).Select(e => e.Name).First(), o.ItemName, o.WindowStart,
                o.WindowEnd })
            .ToListAsync(ct);
        var rows = new List<DayDispatchRow>(orders.Count);
        foreach (var o in orders)
        {
            var top = (await SuggestWorkers.Handle(o.Id, 1, scope, db, clock, ct)).Value?.Suggestions.FirstOrDefault();
            rows.Add(new DayDispatchRow(o.Id, o.Elder, o.ItemName, o.WindowStart, o.WindowEnd, top));
        }
        return rows;
    }
}
