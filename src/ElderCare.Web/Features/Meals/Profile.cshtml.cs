using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Meals;

/// <summary>Creates or edits an elder's meal record (助餐档案) through <see cref="SaveMealProfile"/>; same scope as the API.</summary>
[Authorize(Policy = Roles.Policies.WriteMeals)]
public sealed class MealProfileModel(AppDbContext db, CurrentUser user, TimeProvider clock) : OutcomePageModel
{
    [BindProperty(SupportsGet = true)] public Guid ElderId { get; set; }
    [BindProperty(Name = "diets")] public List<string> Diets { get; set; } = [];
    [BindProperty(Name = "diningPointId")] public string? DiningPointId { get; set; }
    [BindProperty(Name = "mode")] public string? Mode { get; set; }
    [BindProperty(Name = "suspendedFrom")] public string? SuspendedFrom { get; set; }
    [BindProperty(Name = "resumesOn")] public string? ResumesOn { get; set; }
    [BindProperty(Name = "notes")] public string? Notes { get; set; }

    public string ElderName { get; private set; } = "";
    public bool Exists { get; private set; }
    public IReadOnlyList<DiningPointResource> Points { get; private set; } = [];

    /// <summary>Officials go back to the elder's page; an operator, who does not see the registry, stays here.</summary>
    public string BackLink => user.Scope.Kind == ScopeKind.Facilities ? "/meals/orders" : $"/elders/{ElderId}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => Show(await GetMealProfileForm.Handle(ElderId, user.Scope, db, ct), form =>
    {
        Load(form);
        if (form.Profile is { } p)
        {
            Diets = p.Diets.Select(d => EnumText.Of(d)).ToList();
            DiningPointId = p.DiningPointId.ToString();
            Mode = EnumText.Of(p.Mode);
            SuspendedFrom = FormValues.Text(p.SuspendedFrom);
            ResumesOn = FormValues.Text(p.ResumesOn);
            Notes = p.Notes;
        }
        return Page();
    }) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var form = await GetMealProfileForm.Handle(ElderId, user.Scope, db, ct);
        if (form.Value is null) return Missing(form.Message);
        Load(form.Value);
        var errors = new FieldErrors();
        var diets = new List<DietNeed>();
        foreach (var d in Diets)
            if (FormValues.Choice<DietNeed>(d, "diets", errors) is { } need) diets.Add(need);
        var input = new SaveMealProfile.Input(diets, FormValues.Id(DiningPointId, "diningPointId", errors),
            FormValues.Choice<MealMode>(Mode, "mode", errors),
            FormValues.Date(SuspendedFrom, "suspendedFrom", errors), FormValues.Date(ResumesOn, "resumesOn", errors), Notes);
        if (!errors.Any)
        {
            var outcome = await SaveMealProfile.Handle(ElderId, input, user.Scope, db, clock, ct);
            if (outcome.IsOk)
            {
                return RedirectWithFlash(user.Scope.Kind == ScopeKind.Facilities ? $"/meals/profiles/{ElderId}" : $"/elders/{ElderId}",
                    $"已保存{ElderName}的助餐档案。");
            }
            if (outcome.Kind == OutcomeKind.NotFound) return Missing("未找到该老年人。");
            outcome.Errors!.MergeInto(errors);
        }
        ModelState.AddFieldErrors(errors);
        return Page();
    }

    private void Load(MealProfileForm form) => (ElderName, Exists, Points) = (form.ElderName, form.Profile is not null, form.Points);
}
