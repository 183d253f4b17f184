using System.Globalization;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Services;

[Authorize(Policy = Roles.Policies.ReadServices)]
public sealed class WorkerListModel(AppDbContext db, CurrentUser user, FieldProtector protector, TimeProvider clock) : PageModel
{
    private ListWorkerRoster.Roster _roster = null!;

    public Paged<WorkerResource> Result => _roster.Workers;
    public DateOnly Today { get; private set; }

    public string ProviderName(Guid id) => _roster.ProviderNames.GetValueOrDefault(id, Display.Unknown);

    public string RegionName(string code) => _roster.RegionNames.GetValueOrDefault(code, code);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today();
        _roster = (await ListWorkerRoster.Handle(Paging.PageNumber(Request), user.Scope, db, protector, ct)).Value!;
    }

    public Pager ListPager() => new(Result.Page, Result.PageCount, Result.Total, p => "/workers?page=" + p.ToString(CultureInfo.InvariantCulture));
}
