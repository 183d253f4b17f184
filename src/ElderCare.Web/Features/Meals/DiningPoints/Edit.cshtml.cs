using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Meals;

public sealed class DiningPointEditModel(AppDbContext db, CurrentUser user, TimeProvider clock) : MealSiteFormModel(db, user, clock)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await EditFormAsync(await GetDiningPoint.Handle(Id, CurrentUser.Scope, Db, ct), Keep, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var current = await GetDiningPoint.Handle(Id, CurrentUser.Scope, Db, ct);
        if (!current.IsOk) return Missing(current.Message);
        Keep(current.Value!);
        return await SubmitDiningPointAsync(input => UpdateDiningPoint.Handle(Id, input, CurrentUser.Scope, Db, ct),
            x => $"已保存助餐点“{x.Name}”的修改。", ct);
    }

    /// <summary>The point's own kitchen stays a choice even when outside scope (ADR 0019).</summary>
    private MealSiteForm Keep(DiningPointResource point)
    {
        KeptKitchenId = point.KitchenId;
        return MealSiteForm.From(point);
    }
}
