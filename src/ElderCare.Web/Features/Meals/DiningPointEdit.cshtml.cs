using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Meals;

public sealed class DiningPointEditModel(AppDbContext db, CurrentUser user, TimeProvider clock) : MealSiteFormModel(db, user, clock)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await ListMealSites.DiningPoint(Id, CurrentUser.Scope, Db, ct);
        if (!outcome.IsOk) return Missing(outcome.Message);
        Form = MealSiteForm.From(outcome.Value!);
        KeptKitchenId = outcome.Value!.KitchenId;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var current = await ListMealSites.DiningPoint(Id, CurrentUser.Scope, Db, ct);
        if (!current.IsOk) return Missing(current.Message);
        KeptKitchenId = current.Value!.KitchenId;
        return await SubmitDiningPointAsync(input => UpdateDiningPoint.Handle(Id, input, CurrentUser.Scope, Db, ct), x => $"已保存助餐点“{x.Name}”的修改。", ct);
    }
}
