using System.Globalization;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

[Authorize(Policy = Roles.Policies.ReadServices)]
public sealed class WorkerListModel(AppDbContext db, CurrentUser user, FieldProtector protector, TimeProvider clock) : PageModel
{
    private Dictionary<Guid, string> _providers = [];
    private Dictionary<string, string> _regions = [];

    public Paged<WorkerResource> Result { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public string ProviderName(Guid id) => _providers.GetValueOrDefault(id, Display.Unknown);

    public string RegionName(string code) => _regions.GetValueOrDefault(code, code);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today();
        Result = (await ListWorkers.Handle(null, Paging.PageNumber(Request), PageRequest.DefaultPageSize, user.Scope, db, protector, ct)).Value!;
        _providers = await db.ServiceProviders.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var codes = Result.Items.SelectMany(w => w.RegionCodes).Distinct().ToList();
        _regions = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }

    public Pager ListPager() => new(Result.Page, Result.PageCount, Result.Total, p => "/workers?page=" + p.ToString(CultureInfo.InvariantCulture));
}
