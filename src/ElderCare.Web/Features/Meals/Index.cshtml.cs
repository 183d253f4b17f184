using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Meals;

/// <summary>助餐 start page: the kitchens and dining points in scope, and the subsidy rates in force.</summary>
[Authorize(Policy = Roles.Policies.ReadMeals)]
public sealed class MealsIndexModel(AppDbContext db, CurrentUser user, TimeProvider clock) : MealPageModel(db, user, clock)
{
    public IReadOnlyDictionary<Guid, string> FacilityNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<MealSubsidyRateResource> Rates { get; private set; } = [];

    /// <summary>The outcome of a rate confirmation, shown above the rates.</summary>
    public string? Message { get; private set; }
    public bool Failed { get; private set; }

    /// <summary>区民政局 confirms a rate (ADR 0023).</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid id, [FromForm(Name = "source")] string? source, CancellationToken ct)
    {
        if (!Roles.Allows(User, Roles.Policies.WriteMealRates)) return Forbid();
        var outcome = await ConfirmMealSubsidyRate.Handle(id, new ConfirmMealSubsidyRate.Input(source), CurrentUser, Db, Clock, ct);
        Failed = !outcome.IsOk;
        Message = outcome.IsOk ? $"已确认“{outcome.Value!.GroupName}”的助餐补贴标准。" : Shared.Placeholders.Problem(outcome.Errors, outcome.Message);
        if (Failed) HttpContext.Items[Audit.AuditWrites.RefusedKey] = true;
        await OnGetAsync(ct);
        return Page();
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadSitesAsync(ct);
        FacilityNames = await GetMealSiteFacilityNames.Handle(Kitchens, Points, Db, ct);
        var all = await ListMealSubsidyRates.Handle(Db, ct);
        Rates = all.Where(r => r.EffectiveFrom <= Date).GroupBy(r => r.Group).Select(g => g.MaxBy(r => r.EffectiveFrom)!)
            .OrderBy(r => r.Group).ToList();
    }
}
