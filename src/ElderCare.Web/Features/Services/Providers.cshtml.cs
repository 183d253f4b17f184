using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Services;

[Authorize(Policy = Roles.Policies.ReadServices)]
public sealed class ProvidersModel(AppDbContext db, CurrentUser user, TimeProvider clock) : OutcomePageModel
{
    public IReadOnlyList<ProviderResource> Items { get; private set; } = [];
    public IReadOnlyList<ListProviderFacilities.Choice> Facilities { get; private set; } = [];
    public IReadOnlyList<RegionResource> Units { get; private set; } = [];

    public string UnitName(string code) => Units.FirstOrDefault(u => u.Code == code)?.Name ?? code;

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostAsync(string? facilityId, string? name, string? unitCode, string? creditCode, CancellationToken ct)
    {
        if (!Roles.Allows(User, Roles.Policies.ManageProviders)) return Forbid();
        var errors = new FieldErrors();
        var facility = FormValues.Id(facilityId, "facilityId", errors);
        if (errors.Any) ModelState.AddFieldErrors(errors);
        else
        {
            var input = new RegisterProvider.Input(FormValues.Trimmed(name), facility, FormValues.Trimmed(unitCode), FormValues.Trimmed(creditCode));
            var outcome = await RegisterProvider.Handle(input, user.Scope, db, clock, ct);
            if (Show(outcome, Registered) is { } done) return done;
            // The facility is already a provider: said beside the facility choice.
            if (ConflictMessage is { } conflict) ModelState.AddModelError("facilityId", conflict);
        }
        await Load(ct);
        return Page();
    }

    private RedirectResult Registered(ProviderResource p)
    {
        return RedirectWithFlash("/providers", $"已登记服务机构 {p.Name}。");
    }

    private async Task Load(CancellationToken ct)
    {
        Items = await ListProviders.Handle(user.Scope, db, ct);
        Facilities = await ListProviderFacilities.Handle(user.Scope, db, ct);
        Units = (await ListRegions.Handle(null, user.Scope, db, ct)).Where(r => Region.IsUnit(r.Kind)).ToList();
    }
}
