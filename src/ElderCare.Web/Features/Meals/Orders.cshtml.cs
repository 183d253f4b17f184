using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>The orders of a day (at one dining point or all in scope); order a meal, check in, confirm a delivery.</summary>
[Authorize(Policy = Roles.Policies.ReadMeals)]
public sealed class MealOrdersModel(AppDbContext db, CurrentUser user, TimeProvider clock, MealOptions options) : MealPageModel(db, user, clock)
{
    [BindProperty(SupportsGet = true, Name = "diningPointId")] public Guid? DiningPointId { get; set; }
    [BindProperty(Name = "elderId")] public string? ElderId { get; set; }
    [BindProperty(Name = "setCode")] public string? SetCode { get; set; }
    [BindProperty(Name = "mode")] public string? Mode { get; set; }

    public sealed record ElderChoice(Guid Id, string Name, MealMode Mode, IReadOnlyList<DietNeed> Diets);

    public IReadOnlyList<MealOrderResource> Orders { get; private set; } = [];
    public IReadOnlyList<ElderChoice> Elders { get; private set; } = [];
    public MenuResource? Menu { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadSitesAsync(ct);
        if (DiningPointId is { } id && Points.All(p => p.Id != id)) return NotFoundPage("未找到该助餐点。");
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanWrite) return Forbid();
        await LoadSitesAsync(ct);
        var errors = new FieldErrors();
        var elderId = FormValues.Id(ElderId, "elderId", errors);
        var mode = FormValues.Choice<MealMode>(Mode, "mode", errors);
        if (elderId is null && !errors.Any) errors.Add("elderId", "请选择老年人。");
        if (!errors.Any)
        {
            var outcome = await PlaceMealOrder.Handle(new PlaceMealOrder.Input(elderId, Date, Meal, mode, null, FormValues.Trimmed(SetCode)),
                CurrentUser, Db, options, Clock, ct);
            if (outcome.IsOk)
            {
                var o = outcome.Value!;
                TempData["Flash"] = $"已为{o.ElderName}订{MealValidation.NameOf(o.Meal)}：{o.SetCode} {o.SetName}，{MealValidation.NameOf(o.Mode)}，"
                                    + $"餐价 {MealValidation.Yuan(o.PriceFen)} 元，补贴 {MealValidation.Yuan(o.SubsidyFen)} 元，自付 {MealValidation.Yuan(o.OwnShareFen)} 元。";
                return Redirect(Here());
            }
            if (outcome.Kind is OutcomeKind.Conflict or OutcomeKind.NotFound) errors.Add("elderId", outcome.Message!);
            else outcome.Errors!.MergeInto(errors);
        }
        ModelState.AddFieldErrors(errors);
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostCheckInAsync(Guid orderId, CancellationToken ct) =>
        ServeAsync(orderId, (s, c) => ServeMeal.CheckIn(orderId, new ServeMeal.CheckInInput(null), CurrentUser, Db, options, Clock, c), ct);

    public Task<IActionResult> OnPostDeliverAsync(Guid orderId, string? note, CancellationToken ct) =>
        ServeAsync(orderId, (s, c) => ServeMeal.Deliver(orderId, new ServeMeal.DeliveryInput(null, null, note), CurrentUser, Db, options, Clock, c), ct);

    public Task<IActionResult> OnPostCancelAsync(Guid orderId, CancellationToken ct) =>
        ServeAsync(orderId, (s, c) => CancelMealOrder.Handle(orderId, CurrentUser, Db, options, Clock, c), ct);

    public DateOnly Today => Clock.Today();

    private async Task<IActionResult> ServeAsync(Guid orderId, Func<Guid, CancellationToken, Task<Outcome<MealOrderResource>>> serve, CancellationToken ct)
    {
        if (!CanWrite) return Forbid();
        await LoadSitesAsync(ct);
        var outcome = await serve(orderId, ct);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFoundPage(outcome.Message!);
        TempData["Flash"] = outcome.IsOk
            ? outcome.Value!.Status == MealOrderStatus.Cancelled
                ? $"已取消{outcome.Value.ElderName} {outcome.Value.Date:yyyy-MM-dd} 的{MealValidation.NameOf(outcome.Value.Meal)}。"
                : $"{outcome.Value.ElderName}：{MealValidation.NameOf(outcome.Value.Status)}（{Time(outcome.Value.ServedAt)}）。"
            : outcome.Message ?? string.Join(" ", outcome.Errors!.Entries.SelectMany(e => e.Value));
        return Redirect(Here());
    }

    private string Here() => $"/meals/orders?date={DateValue}&meal={MealValue}" + (DiningPointId is { } p ? $"&diningPointId={p}" : "");

    private async Task LoadAsync(CancellationToken ct)
    {
        Orders = await ListMealOrders.Handle(new ListMealOrders.Filter(Date, Meal, DiningPointId), CurrentUser.Scope, Db, options, ct);
        var elders = Db.MealEldersInScope(CurrentUser.Scope).Where(e => e.Status == ElderCare.Web.Features.Elders.ElderStatus.Active);
        var profiles = Db.MealProfiles.AsNoTracking().Where(p => DiningPointId == null || p.DiningPointId == DiningPointId);
        Elders = (await profiles.Join(elders, p => p.ElderId, e => e.Id, (p, e) => new { e.Id, e.Name, p.Mode, p.Diets, Profile = p }).ToListAsync(ct))
            .Where(x => !x.Profile.IsSuspendedOn(Date)).OrderBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => new ElderChoice(x.Id, x.Name, x.Mode, x.Diets)).ToList();
        // The menu of the point's kitchen, which may be run by someone outside the user's scope.
        if (DiningPointId is { } pid && Points.FirstOrDefault(p => p.Id == pid) is { } point
            && await Db.Menus.AsNoTracking().Include(m => m.Sets).FirstOrDefaultAsync(m => m.KitchenId == point.KitchenId && m.Date == Date && m.Meal == Meal, ct) is { } menu)
            Menu = MenuResource.From(menu);
    }
}
