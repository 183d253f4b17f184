using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Coverage;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Dashboard;

/// <summary>One street or town: its four facility types, gaps, facilities and registered communities / villages.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Roles.Policies.ReadCoverage)]
public sealed class UnitDashboardModel([FromKeyedServices(ReadReplica.Key)] AppDbContext db, TimeProvider clock, CurrentUser user)
    : OutcomePageModel
{
    [BindProperty(SupportsGet = true, Name = "asOf")]
    public string? AsOf { get; set; }

    public DateOnly Date { get; private set; }
    public UnitCoverage Unit { get; private set; } = null!;
    public Paged<FacilityRow> Facilities { get; private set; } = null!;
    public IReadOnlyList<RegionResource> Children { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var coverage = await GetCoverage.Handle(AsOf, code, user.Scope, db, clock, ct);
        if (coverage.Kind == OutcomeKind.Invalid)
        {
            ModelState.AddFieldErrors(coverage.Errors!);
            AsOf = null;
            coverage = await GetCoverage.Handle(null, code, user.Scope, db, clock, ct);
        }
        // Outside the user's scope the unit reads as unknown.
        var unit = coverage.Value?.Units.FirstOrDefault(u => u.RegionCode == code);
        if (unit is null) return Missing($"没有代码为 {code} 的街道或镇。");
        Unit = unit;
        Date = coverage.Value!.AsOf;
        var list = await ListFacilities.Handle(new ListFacilities.Query { RegionCode = code, Page = Paging.PageNumber(Request), PageSize = 20 },
            user.Scope, db, ct);
        Facilities = list.Value ?? (await ListFacilities.Handle(new ListFacilities.Query { RegionCode = code, Page = 1, PageSize = 20 }, user.Scope,
            db, ct)).Value!;
        Children = (await ListRegions.Handle(code, user.Scope, db, ct)).Where(r => r.Code != code).ToList();
        return Page();
    }

    public Pager FacilityPager() => new(Facilities.Page, Facilities.PageCount, Facilities.Total,
        p => $"/dashboard/unit/{Unit.RegionCode}?asOf={FormValues.Text(Date)}&page={p}#facilities");
}
