using ElderCare.Web.Features.Access;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Facilities;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Roles.Policies.WriteFacilities)]
public sealed class FacilityEditModel(AppDbContext db, TimeProvider clock, CurrentUser user) : FacilityFormModel(db, user)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public override Guid? EditingId => Id;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await GetFacility.Handle(Id, Scope, Db, ct);
        if (!outcome.IsOk) return Missing(outcome.Message);
        Form = FacilityForm.From(outcome.Value!);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await ReadFormAsync(ct) is { } input)
        {
            var outcome = await UpdateFacility.Handle(Id, input, Scope, Db, clock, ct);
            if (Show(outcome, f => Saved($"已保存“{f.Name}”的修改。")) is { } shown) return shown;
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    private RedirectResult Saved(string flash)
    {
        return RedirectWithFlash($"/facilities/{Id}", flash);
    }
}
