using ElderCare.Web.Features.Access;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Facilities;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Roles.Policies.WriteFacilities)]
public sealed class FacilityCreateModel(AppDbContext db, TimeProvider clock, CurrentUser user) : FacilityFormModel(db, user)
{
    public async Task OnGetAsync(string? regionCode, string? type, CancellationToken ct)
    {
        Form = new FacilityForm { RegionCode = regionCode, Type = type, Status = "planned" };
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await ReadFormAsync(ct) is { } input)
        {
            var outcome = await RegisterFacility.Handle(input, Scope, Db, clock, ct);
            if (Show(outcome, Registered) is { } shown) return shown;
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    private RedirectResult Registered(FacilityResource f)
    {
        return RedirectWithFlash($"/facilities/{f.Id}", $"已登记“{f.Name}”。");
    }
}
