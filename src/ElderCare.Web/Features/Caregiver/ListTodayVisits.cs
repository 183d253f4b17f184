using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Caregiver;

public sealed record TodayVisit(Guid Id, DateTime WindowStart, DateTime WindowEnd, string ElderName, string ItemName, string? Address,
    OrderStatus Status);

/// <summary>The caregiver's visits of today (China time) in scope — assigned, under way or done — in time order.</summary>
public static class ListTodayVisits
{
    public sealed record Query(int? Page, int? PageSize);

    private static readonly OrderStatus[] Shown = [OrderStatus.Assigned, OrderStatus.InProgress, OrderStatus.Completed];

    public static async Task<Outcome<Paged<TodayVisit>>> Handle(Query query, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(query.Page, query.PageSize, errors);
        if (errors.Any) return Outcome<Paged<TodayVisit>>.Invalid(errors);
        var start = ServiceTime.Utc(clock.Today().ToDateTime(TimeOnly.MinValue));
        var end = start.AddDays(1);
        var visits = db.ServiceOrders.AsNoTracking().InScope(scope, db)
            .Where(o => o.WindowStart >= start && o.WindowStart < end && Shown.Contains(o.Status));
        var total = await visits.CountAsync(ct);
        var items = await visits.OrderBy(o => o.WindowStart).ThenBy(o => o.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(o => new TodayVisit(o.Id, o.WindowStart, o.WindowEnd, db.Elders.Where(e => e.Id == o.ElderId).Select(e => e.Name).First(),
                o.ItemName, o.Address, o.Status))
            .ToListAsync(ct);
        return new Paged<TodayVisit>(items, paging.Page, paging.PageSize, total);
    }
}
