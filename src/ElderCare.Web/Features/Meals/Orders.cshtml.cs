using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Meals;

/// <summary>The orders of a day (at one dining point or all in scope); order a meal, check in, confirm a delivery.</summary>
[Authorize(Policy = Roles.Policies.ReadMeals)]
public sealed class MealOrdersModel(AppDbContext db, CurrentUser user, TimeProvider clock, MealOptions options) : MealPageModel(db, user, clock)
{
    [BindProperty(SupportsGet = true, Name = "diningPointId")] public Guid? DiningPointId { get; set; }
    [BindProperty(Name = "elderId")] public string? ElderId { get; set; }
    [BindProperty(Name = "setCode")] public string? SetCode { get; set; }
    [BindProperty(Name = "mode")] public string? Mode { get; set; }

    public IReadOnlyList<MealOrderResource> Orders { get; private set; } = [];
    public IReadOnlyList<MealElderChoice> Elders { get; private set; } = [];
    public MenuResource? Menu { get; private set; }

    public DateOnly Today => Clock.Today();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadSitesAsync(ct);
        if (UnknownPoint(DiningPointId)) return Missing("未找到该助餐点。");
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => WriteAsync(async () =>
    {
        var errors = new FieldErrors();
        var elderId = FormValues.Id(ElderId, "elderId", errors);
        var mode = FormValues.Choice<MealMode>(Mode, "mode", errors);
        if (elderId is null && !errors.Any) errors.Add("elderId", "请选择老年人。");
        if (errors.Any) return await FormAgainAsync(errors, LoadAsync, ct);
        var input = new RaiseMealOrder.Input(elderId, Date, Meal, mode, null, FormValues.Trimmed(SetCode));
        var outcome = await RaiseMealOrder.Handle(input, CurrentUser, Db, options, Clock, ct);
        if (outcome.Value is { } o)
        {
            return RedirectWithFlash(Here(),
                $"已为{o.ElderName}订{MealValidation.NameOf(o.Meal)}：{o.SetCode} {o.SetName}，{MealValidation.NameOf(o.Mode)}，"
                                + $"餐价 {Display.Yuan(o.PriceFen)}，补贴 {Display.Yuan(o.SubsidyFen)}，自付 {Display.Yuan(o.OwnShareFen)}。");
        }
        if (outcome.Kind is OutcomeKind.Conflict or OutcomeKind.NotFound) errors.Add("elderId", outcome.Message!);
        else outcome.Errors!.MergeInto(errors);
        return await FormAgainAsync(errors, LoadAsync, ct);
    }, ct);

    public Task<IActionResult> OnPostCheckInAsync(Guid orderId, CancellationToken ct) =>
        ServeAsync(() => ServeMeal.CheckIn(orderId, new ServeMeal.CheckInInput(null), CurrentUser, Db, options, Clock, ct), ct);

    public Task<IActionResult> OnPostDeliverAsync(Guid orderId, string? note, CancellationToken ct) =>
        ServeAsync(() => ServeMeal.Deliver(orderId, new ServeMeal.DeliveryInput(null, null, note), CurrentUser, Db, options, Clock, ct), ct);

    public Task<IActionResult> OnPostCancelAsync(Guid orderId, CancellationToken ct) =>
        ServeAsync(() => CancelMealOrder.Handle(orderId, CurrentUser, Db, options, Clock, ct), ct);

    private Task<IActionResult> ServeAsync(Func<Task<Outcome<MealOrderResource>>> serve, CancellationToken ct) =>
        ActAsync(serve, o => o.Status == MealOrderStatus.Cancelled
            ? $"已取消{o.ElderName} {o.Date:yyyy-MM-dd} 的{MealValidation.NameOf(o.Meal)}。"
            : $"{o.ElderName}：{MealValidation.NameOf(o.Status)}（{Display.ChinaClockTime(o.ServedAt)}）。", Here, ct);

    /// <summary>The elder as the order form lists them: name, dine-in or delivery, diet needs.</summary>
    public static string ElderLabel(MealElderChoice e) =>
        $"{e.Name}（{MealValidation.NameOf(e.Mode)}{(e.Diets.Count > 0 ? "，" + DietSuitability.NamesOf(e.Diets) : "")}）";

    private string Here() => $"/meals/orders?date={DateValue}&meal={MealValue}" + (DiningPointId is { } p ? $"&diningPointId={p}" : "");

    private async Task LoadAsync(CancellationToken ct)
    {
        Orders = await ListMealOrders.Handle(new ListMealOrders.Filter(Date, Meal, DiningPointId), CurrentUser.Scope, Db, options, ct);
        var kitchenId = Points.FirstOrDefault(p => p.Id == DiningPointId)?.KitchenId;
        (Elders, Menu) = await GetMealOrderChoices.Handle(Date, Meal, DiningPointId, kitchenId, CurrentUser.Scope, Db, ct);
    }
}
