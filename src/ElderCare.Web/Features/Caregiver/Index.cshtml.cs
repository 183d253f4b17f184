using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Caregiver;

public sealed record TodayVisit(Guid Id, DateTime WindowStart, DateTime WindowEnd, string ElderName, string ItemName, string? Address, OrderStatus Status);

/// <summary>The caregiver's phone page: today's visits in time order (China time), light for a slow network.</summary>
[Authorize(Policy = Roles.Policies.DeliverVisits)]
public sealed class CaregiverTodayModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    public DateOnly Today { get; private set; }
    public IReadOnlyList<TodayVisit> Visits { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today();
        var start = ServiceTime.Utc(Today.ToDateTime(TimeOnly.MinValue));
        var end = start.AddDays(1);
        OrderStatus[] shown = [OrderStatus.Assigned, OrderStatus.InProgress, OrderStatus.Completed];
        Visits = await db.ServiceOrders.AsNoTracking().InScope(user.Scope, db)
            .Where(o => o.WindowStart >= start && o.WindowStart < end && shown.Contains(o.Status))
            .OrderBy(o => o.WindowStart)
            .Select(o => new TodayVisit(o.Id, o.WindowStart, o.WindowEnd, db.Elders.Where(e => e.Id == o.ElderId).Select(e => e.Name).First(), o.ItemName, o.Address, o.Status))
            .Take(50).ToListAsync(ct);
    }
}
