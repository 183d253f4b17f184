using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Meals;

/// <summary>The delivery route sheet of a dining point (the first in scope unless one is chosen), stops in order, with its Excel export.</summary>
[Authorize(Policy = Roles.Policies.ReadMeals)]
public sealed class MealRoutesModel(AppDbContext db, CurrentUser user, TimeProvider clock) : MealPageModel(db, user, clock)
{
    [BindProperty(SupportsGet = true, Name = "diningPointId")] public Guid? DiningPointId { get; set; }

    public RouteSheet? Sheet { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadSitesAsync(ct);
        DiningPointId ??= Points.FirstOrDefault()?.Id;
        return await ReportAsync(DiningPointId is { } id ? GetRouteSheet.Handle(id, Date, Meal, CurrentUser.Scope, Db, ct) : null,
            sheet => Sheet = sheet);
    }
}
