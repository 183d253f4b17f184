using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Elders;

/// <summary>重点人群规则: the rules in force, their history, and (district only) a new version of one group's rule.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Roles.Policies.ReadElders)]
public sealed class PriorityRulesModel(AppDbContext db, CurrentUser user, TimeProvider clock) : OutcomePageModel
{
    public PriorityRulesResource Rules { get; private set; } = null!;
    public bool CanEdit => Roles.Allows(User, Roles.Policies.EditPriorityRules);

    [BindProperty] public string? Group { get; set; }
    [BindProperty] public SavePriorityRule.Input Input { get; set; } = new(null, null, null, null, null, null, null, null);

    public async Task OnGetAsync(CancellationToken ct) => Rules = await ListPriorityRules.Handle(db, clock, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        if (ModelState.IsValid)
        {
            var outcome = await SavePriorityRule.Handle(Group ?? "", Input, user, db, clock, ct);
            if (outcome.IsOk)
            {
                return RedirectWithFlash("/elders/priority-rules",
                    $"已保存「{outcome.Value!.Name}」的规则，自 {outcome.Value.EffectiveFrom:yyyy-MM-dd} 起生效。");
            }
            ModelState.AddFieldErrors(outcome.Errors!);
        }
        Rules = await ListPriorityRules.Handle(db, clock, ct);
        return Page();
    }
}
