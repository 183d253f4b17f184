using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Meals;

/// <summary>The morning's production list of a kitchen (the first in scope unless one is chosen), with its Excel export.</summary>
[Authorize(Policy = Roles.Policies.ReadMeals)]
public sealed class MealProductionModel(AppDbContext db, CurrentUser user, TimeProvider clock) : MealPageModel(db, user, clock)
{
    [BindProperty(SupportsGet = true, Name = "kitchenId")] public Guid? KitchenId { get; set; }

    public ProductionList? List { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadSitesAsync(ct);
        KitchenId ??= Kitchens.FirstOrDefault()?.Id;
        return await ReportAsync(KitchenId is { } id ? GetProductionList.Handle(id, Date, Meal, CurrentUser.Scope, Db, ct) : null,
            list => List = list);
    }
}
