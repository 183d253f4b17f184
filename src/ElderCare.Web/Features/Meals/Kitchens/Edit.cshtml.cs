using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Meals;

public sealed class KitchenEditModel(AppDbContext db, CurrentUser user, TimeProvider clock) : MealSiteFormModel(db, user, clock)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await EditFormAsync(await GetKitchen.Handle(Id, CurrentUser.Scope, Db, ct), MealSiteForm.From, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var current = await GetKitchen.Handle(Id, CurrentUser.Scope, Db, ct);
        if (!current.IsOk) return Missing(current.Message);
        return await SubmitKitchenAsync(input => UpdateKitchen.Handle(Id, input, CurrentUser.Scope, Db, ct),
            x => $"已保存中央厨房“{x.Name}”的修改。", ct);
    }
}
