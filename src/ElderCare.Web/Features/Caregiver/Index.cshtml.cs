using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Caregiver;

/// <summary>The caregiver's phone page: today's visits in time order (China time), light for a slow network.</summary>
[Authorize(Policy = Roles.Policies.DeliverVisits)]
public sealed class CaregiverTodayModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    /// <summary>A day's visits fit one page on a phone; a longer day pages.</summary>
    public const int PageSize = 50;

    public DateOnly Today { get; private set; }
    public Paged<TodayVisit> Visits { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today();
        Visits = (await ListTodayVisits.Handle(new(Paging.PageNumber(Request), PageSize), user.Scope, db, clock, ct)).Value!;
    }

    public Pager ListPager() => new(Visits.Page, Visits.PageCount, Visits.Total, page => $"/caregiver?page={page}");
}
