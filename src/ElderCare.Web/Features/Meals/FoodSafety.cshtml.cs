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
public sealed class MealFoodSafetyModel(AppDbContext db, CurrentUser user, TimeProvider clock, MealOptions options) : MealPageModel(db, user, clock)
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
        if (KitchenId is { } id && Kitchens.All(k => k.Id != id)) return NotFoundPage("未找到该中央厨房。");
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanWrite) return Forbid();
        await LoadSitesAsync(ct);
        var errors = new FieldErrors();
        var cooked = LocalTime(CookedAt, "cookedAt", errors);
        var sample = LocalTime(SampleTakenAt, "sampleTakenAt", errors);
        if (errors.Any)
        {
            // A time the page could not read must not be saved as "no sample" (and then saved again once corrected).
            ModelState.AddFieldErrors(errors);
            await LoadAsync(ct);
            return Page();
        }
        var input = new RecordFoodBatch.Input(KitchenId, Date, Meal, FormValues.Trimmed(SetCode), cooked, sample, null);
        var outcome = await RecordFoodBatch.Handle(input, CurrentUser, Db, options, Clock, ct);
        if (outcome.IsOk)
        {
            TempData["Flash"] = $"已登记 {outcome.Value!.KitchenName} {DateTimeText(outcome.Value.CookedAt)} 出锅批次（{FoodSafety.NameOf(outcome.Value.SampleState)}）。";
            return Redirect($"/meals/food-safety?kitchenId={KitchenId}");
        }
        outcome.Errors?.MergeInto(errors);
        ModelState.AddFieldErrors(errors);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDisposeAsync(Guid batchId, CancellationToken ct)
    {
        if (!CanWrite) return Forbid();
        await LoadSitesAsync(ct);
        var outcome = await RecordFoodBatch.DisposeSample(batchId, new RecordFoodBatch.DisposalInput(null), CurrentUser, Db, options, Clock, ct);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFoundPage(outcome.Message!);
        TempData["Flash"] = outcome.IsOk ? $"已登记留样处置（{FoodSafety.NameOf(outcome.Value!.SampleState)}）。"
            : outcome.Message ?? string.Join(" ", outcome.Errors!.Entries.SelectMany(e => e.Value));
        return Redirect($"/meals/food-safety" + (KitchenId is { } k ? $"?kitchenId={k}" : ""));
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Log = (await GetFoodSafetyLog.Handle(Date.AddDays(-6), Date, KitchenId, CurrentUser.Scope, Db, options, ct)).Value;
}
