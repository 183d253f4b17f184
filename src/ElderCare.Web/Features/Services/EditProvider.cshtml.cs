using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Services;

[Authorize(Policy = Roles.Policies.ManageProviders)]
public sealed class EditProviderModel(AppDbContext db, CurrentUser user) : OutcomePageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty(Name = "name")] public string? Name { get; set; }
    [BindProperty(Name = "unitCode")] public string? UnitCode { get; set; }
    [BindProperty(Name = "creditCode")] public string? CreditCode { get; set; }
    [BindProperty(Name = "active")] public bool Active { get; set; }

    public bool IsFacility { get; private set; }
    public IReadOnlyList<RegionResource> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await GetProvider.Handle(Id, user.Scope, db, ct);
        if (!outcome.IsOk) return Missing(outcome.Message);
        var p = outcome.Value!;
        (Name, UnitCode, CreditCode, Active, IsFacility) = (p.Name, p.UnitCode, p.CreditCode, p.Active, p.FacilityId is not null);
        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var current = await GetProvider.Handle(Id, user.Scope, db, ct);
        if (!current.IsOk) return Missing(current.Message);
        IsFacility = current.Value!.FacilityId is not null;
        var outcome = await UpdateProvider.Handle(Id, new UpdateProvider.Input(Name, UnitCode, CreditCode, Active), user.Scope, db, ct);
        if (Show(outcome, Saved) is { } done) return done;
        await Load(ct);
        return Page();
    }

    private RedirectResult Saved(ProviderResource p)
    {
        return RedirectWithFlash("/providers", $"已保存服务机构 {p.Name}。");
    }

    private async Task Load(CancellationToken ct) =>
        Units = (await ListRegions.Handle(null, user.Scope, db, ct)).Where(r => Region.IsUnit(r.Kind)).ToList();
}
