using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Elders;

[Authorize(Policy = Roles.Policies.WriteElders)]
public sealed class ElderCreateModel(AppDbContext db, CurrentUser user, ElderOptions options, TimeProvider clock, FieldProtector protector)
    : ElderFormModel(db, user, options, clock)
{
    public int MinimumAge => Options.MinimumAge;

    public async Task OnGetAsync(string? regionCode, CancellationToken ct)
    {
        Form = new ElderForm { RegionCode = regionCode };
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await ReadFormAsync(null, ct) is { } input)
        {
            var outcome = await RegisterElder.Handle(input, Current, Db, protector, Options, Clock, ct);
            // Already registered: the message belongs to the ID number the user typed (no 409 panel on this form).
            if (outcome.Kind == OutcomeKind.Conflict) ModelState.AddModelError("idNumber", outcome.Message!);
            else if (Show(outcome, Registered) is { } shown) return shown;
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    private RedirectResult Registered(ElderResource e)
    {
        return RedirectWithFlash($"/elders/{e.Id}", $"已登记“{e.Name}”：{ElderLabels.Of(e.Sex)}，{e.Age} 周岁（出生日期 {Display.Date(e.BirthDate)}，由身份证号推出）。");
    }
}
