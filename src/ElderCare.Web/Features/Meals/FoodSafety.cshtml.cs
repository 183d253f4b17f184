using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Meals;

/// <summary>
/// The food-safety log: batches and samples of the last 7 days, missing or short retentions, meals eaten more than
/// 2 h after cooking; record a batch (cooking time, sample) and a sample's disposal.
/// </summary>
[Authorize(Policy = Roles.Policies.ReadMeals)]
public sealed class MealFoodSafetyModel(AppDbContext db, CurrentUser user, TimeProvider clock, MealOptions options)
    : MealPageModel(db, user, clock)
{
    [BindProperty(SupportsGet = true, Name = "kitchenId")] public Guid? KitchenId { get; set; }
    [BindProperty(Name = "setCode")] public string? SetCode { get; set; }
    [BindProperty(Name = "cookedAt")] public string? CookedAt { get; set; }
    [BindProperty(Name = "sampleTakenAt")] public string? SampleTakenAt { get; set; }

    public FoodSafetyLog? Log { get; private set; }
    public MealOptions Options => options;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadSitesAsync(ct);
        if (UnknownKitchen(KitchenId)) return Missing("未找到该中央厨房。");
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => WriteAsync(async () =>
    {
        var errors = new FieldErrors();
        var cooked = LocalTime(CookedAt, "cookedAt", errors);
        var sample = LocalTime(SampleTakenAt, "sampleTakenAt", errors);
        // A time the page could not read must not be saved as "no sample" (and then saved again once corrected).
        if (errors.Any) return await FormAgainAsync(errors, LoadAsync, ct);
        var input = new RecordFoodBatch.Input(KitchenId, Date, Meal, FormValues.Trimmed(SetCode), cooked, sample, null);
        var outcome = await RecordFoodBatch.Handle(input, CurrentUser, Db, options, Clock, ct);
        if (outcome.Value is { } batch)
        {
            return RedirectWithFlash($"/meals/food-safety?kitchenId={KitchenId}",
                $"已登记 {batch.KitchenName} {Display.ChinaTime(batch.CookedAt)} 出锅批次（{FoodSafety.NameOf(batch.SampleState)}）。");
        }
        outcome.Errors?.MergeInto(errors);
        return await FormAgainAsync(errors, LoadAsync, ct);
    }, ct);

    public Task<IActionResult> OnPostDisposeAsync(Guid batchId, CancellationToken ct) =>
        ActAsync(() => RecordSampleDisposal.Handle(batchId, new RecordSampleDisposal.Input(null), CurrentUser, Db, options, Clock, ct),
            b => $"已登记留样处置（{FoodSafety.NameOf(b.SampleState)}）。",
            () => "/meals/food-safety" + (KitchenId is { } k ? $"?kitchenId={k}" : ""), ct);

    private async Task LoadAsync(CancellationToken ct) =>
        Log = (await GetFoodSafetyLog.Handle(Date.AddDays(-6), Date, KitchenId, CurrentUser.Scope, Db, options, ct)).Value;
}
