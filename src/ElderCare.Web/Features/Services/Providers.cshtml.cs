using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

[Authorize(Policy = Roles.Policies.ReadServices)]
public sealed class ProvidersModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ProviderResource> Items { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Facilities { get; private set; } = [];
    public IReadOnlyList<RegionResource> Units { get; private set; } = [];

    public string UnitName(string code) => Units.FirstOrDefault(u => u.Code == code)?.Name ?? code;

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostAsync(string? facilityId, string? name, string? unitCode, string? creditCode, CancellationToken ct)
    {
        if (!Roles.Allows(User, Roles.Policies.ManageProviders)) return Forbid();
        var errors = new FieldErrors();
        var facility = FormValues.Id(facilityId, "facilityId", errors);
        if (!errors.Any)
        {
            var outcome = await AddProvider.Handle(new AddProvider.Input(FormValues.Trimmed(name), facility, FormValues.Trimmed(unitCode), FormValues.Trimmed(creditCode)),
                user.Scope, db, clock, ct);
            if (outcome.IsOk)
            {
                TempData["Flash"] = $"已登记服务机构 {outcome.Value!.Name}。";
                return Redirect("/providers");
            }
            outcome.Errors?.MergeInto(errors);
            if (outcome.Kind == OutcomeKind.Conflict) errors.Add("facilityId", outcome.Message!);
        }
        ModelState.AddFieldErrors(errors);
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        Items = await AddProvider.List(user.Scope, db, ct);
        Facilities = (await db.Facilities.AsNoTracking().InScope(user.Scope).Where(f => f.Status != FacilityStatus.Closed).OrderBy(f => f.Name)
            .Select(f => new { f.Id, f.Name }).ToListAsync(ct)).Select(f => (f.Id, f.Name)).ToList();
        Units = (await ListRegions.Handle(null, user.Scope, db, ct)).Where(r => Region.IsUnit(r.Kind)).ToList();
    }
}
