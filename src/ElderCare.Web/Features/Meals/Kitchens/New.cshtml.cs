using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Meals;

public sealed class KitchenNewModel(AppDbContext db, CurrentUser user, TimeProvider clock) : MealSiteFormModel(db, user, clock)
{
    public async Task OnGetAsync(CancellationToken ct) => await LoadChoicesAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SubmitKitchenAsync(input => RegisterKitchen.Handle(input, CurrentUser.Scope, Db, Clock, ct), x => $"已登记中央厨房“{x.Name}”。", ct);
}
