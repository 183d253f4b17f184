using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Subsidies;

/// <summary>
/// 补贴与费用标准 (三(二)(三)): every figure with its dates and source; the district confirms a 待确认 placeholder as it
/// stands, or sets a new figure from a date (the current one ends the day before). Amounts are entered in 元, factors as decimals.
/// </summary>
[Authorize(Policy = Roles.Policies.ReadSubsidies)]
public sealed class SubsidyRulesModel(AppDbContext db, CurrentUser user, TimeProvider clock) : OutcomePageModel
{
    public IReadOnlyList<SubsidyRuleResource> Rules { get; private set; } = [];
    public bool CanManage => Roles.Allows(User, Roles.Policies.ManageSubsidies);

    public async Task OnGetAsync(CancellationToken ct) => Rules = await ListSubsidyRules.Handle(db, ct);

    public async Task<IActionResult> OnPostConfirmAsync(Guid ruleId, string? source, bool confirm, CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        if (!confirm) return await Refused(new FieldErrors().Add("confirm", "请勾选确认后再操作。"), ct);
        var outcome = await ConfirmSubsidyRule.Handle(ruleId, new ConfirmSubsidyRule.Input(source), user, db, clock, ct);
        if (outcome.IsOk) return Done($"已确认：{outcome.Value!.KindName} {outcome.Value.Figure}。");
        return outcome.Kind == OutcomeKind.NotFound ? NotFound()
            : await Refused(outcome.Errors ?? new FieldErrors().Add("source", outcome.Message!), ct);
    }

    public async Task<IActionResult> OnPostReviseAsync(Guid ruleId, string? amount, string? effectiveFrom, string? source, bool confirm,
        CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        var rules = await ListSubsidyRules.Handle(db, ct);
        if (rules.FirstOrDefault(r => r.Id == ruleId) is not { } rule) return NotFound();
        var errors = new FieldErrors();
        var figure = rule.Kind == SubsidyKind.GradeFactor ? FormValues.Scaled(amount, 3, "amountFen", errors, "0.9")
            : FormValues.Scaled(amount, 2, "amountFen", errors, "40000");
        var from = FormValues.Date(effectiveFrom, "effectiveFrom", errors);
        errors.AddIf(!confirm, "confirm", "请勾选确认后再操作。");
        if (errors.Any) return await Refused(errors, ct);
        var outcome = await ReviseSubsidyRule.Handle(ruleId, new ReviseSubsidyRule.Input(figure, from, source), user, db, clock, ct);
        if (outcome.IsOk) return Done($"已设定新标准：{outcome.Value!.KindName} {outcome.Value.Figure}，自 {Display.Date(outcome.Value.EffectiveFrom)} 起执行。");
        return outcome.Kind == OutcomeKind.NotFound ? NotFound()
            : await Refused(outcome.Errors ?? new FieldErrors().Add("effectiveFrom", outcome.Message!), ct);
    }

    private IActionResult Done(string message)
    {
        return RedirectWithFlash("/subsidies/rules", message);
    }

    private async Task<IActionResult> Refused(FieldErrors errors, CancellationToken ct)
    {
        ModelState.AddFieldErrors(errors);
        Rules = await ListSubsidyRules.Handle(db, ct);
        return Page();
    }
}
