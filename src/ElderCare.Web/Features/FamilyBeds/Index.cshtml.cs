using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.FamilyBeds;

[Authorize(Policy = Roles.Policies.ReadFamilyBeds)]
public sealed class FamilyBedListModel(AppDbContext db, CurrentUser user, TimeProvider clock) : OutcomePageModel
{
    [BindProperty(SupportsGet = true, Name = "month")] public string? Month { get; set; }

    public string MonthText => ServiceTime.MonthText(ServiceTime.ParseMonth(Month) ?? ServiceTime.Month(clock.GetUtcNow().UtcDateTime));
    public Paged<FamilyBedResource> Beds { get; private set; } = new([], 1, PageRequest.DefaultPageSize, 0);
    public IReadOnlyList<CentreBeds> Centres { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostScheduleAsync(Guid bedId, string? month, CancellationToken ct)
    {
        if (!Roles.Allows(User, Roles.Policies.WriteFamilyBeds)) return Forbid();
        Month = month;
        var outcome = await RaiseCarePlanOrders.Handle(bedId, month, user, db, clock, ct);
        if (outcome.IsOk)
        {
            var made = outcome.Value!;
            return RedirectWithFlash($"/family-beds?month={made.Month}", $"已生成 {made.Month} 的 {made.Scheduled} 次上门服务。");
        }
        ModelState.AddFieldErrors(outcome.Errors ?? new FieldErrors().Add("month", outcome.Message ?? "无法生成。"));
        await Load(ct);
        return Page();
    }

    public Pager ListPager() => new(Beds.Page, Beds.PageCount, Beds.Total, UrlFor);

    /// <summary>The same month on another page.</summary>
    private string UrlFor(int page) => FormattableString.Invariant($"/family-beds?month={MonthText}&page={page}");

    private async Task Load(CancellationToken ct)
    {
        var query = new ListFamilyBeds.Query { Month = MonthText, Page = Paging.PageNumber(Request), PageSize = PageRequest.DefaultPageSize };
        Beds = (await ListFamilyBeds.Handle(query, user.Scope, db, clock, ct)).Value!;
        Centres = await GetFamilyBedStatistics.Handle(user.Scope, db, clock, ct);
    }
}
