using System.Globalization;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Meals;

/// <summary>What the meal pages share: the day and meal shown, the kitchens and dining points in scope, writes and row actions.</summary>
public abstract class MealPageModel(AppDbContext db, CurrentUser user, TimeProvider clock) : OutcomePageModel
{
    protected AppDbContext Db => db;
    protected CurrentUser CurrentUser => user;
    protected TimeProvider Clock => clock;

    [BindProperty(SupportsGet = true, Name = "date")] public string? DateText { get; set; }
    [BindProperty(SupportsGet = true, Name = "meal")] public string? MealText { get; set; }

    public DateOnly Date { get; private set; }
    public Meal Meal { get; private set; } = Meal.Lunch;
    public IReadOnlyList<KitchenResource> Kitchens { get; private set; } = [];
    public IReadOnlyList<DiningPointResource> Points { get; private set; } = [];

    public bool CanWrite => Roles.Allows(User, Roles.Policies.WriteMeals);
    public string DateValue => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public string MealValue => EnumText.Of(Meal);

    protected async Task LoadSitesAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        Date = clock.DateOrToday(DateText, "date", errors);
        Meal = EnumText.Optional<Meal>(MealText, "meal", errors) ?? Meal.Lunch;
        ModelState.AddFieldErrors(errors);
        Kitchens = await ListMealSites.Kitchens(user.Scope, db, ct);
        Points = await ListMealSites.DiningPoints(user.Scope, db, ct);
    }

    /// <summary>A kitchen asked for by id that is not among those in scope (it reads as not found, as in the API).</summary>
    protected bool UnknownKitchen(Guid? id) => id is { } k && Kitchens.All(x => x.Id != k);

    /// <summary>A dining point asked for by id that is not among those in scope.</summary>
    protected bool UnknownPoint(Guid? id) => id is { } p && Points.All(x => x.Id != p);

    public string KitchenName(Guid id) => Kitchens.FirstOrDefault(k => k.Id == id)?.Name ?? "";

    public string PointName(Guid id) => Points.FirstOrDefault(p => p.Id == id)?.Name ?? "";

    /// <summary>A report (none asked for, e.g. no site in scope: the empty page); 404 when its site is outside scope.</summary>
    protected async Task<IActionResult> ReportAsync<T>(Task<Outcome<T>>? report, Action<T> show)
    {
        if (report is null) return Page();
        return Show(await report, value =>
        {
            show(value);
            return Page();
        }) ?? Page();
    }

    /// <summary>A form post: readers without the meal write permission get 403; the day, meal and sites are read first.</summary>
    protected async Task<IActionResult> WriteAsync(Func<Task<IActionResult>> write, CancellationToken ct)
    {
        if (!CanWrite) return Forbid();
        await LoadSitesAsync(ct);
        return await write();
    }

    /// <summary>The form again with the errors beside its fields; nothing was saved.</summary>
    protected async Task<IActionResult> FormAgainAsync(FieldErrors errors, Func<CancellationToken, Task> reload, CancellationToken ct)
    {
        ModelState.AddFieldErrors(errors);
        await reload(ct);
        return Page();
    }

    /// <summary>
    /// A row action (serve, cancel, dispose of a sample): 404 outside scope, otherwise a flash saying what happened or
    /// why not, and back to the list.
    /// </summary>
    protected Task<IActionResult> ActAsync<T>(Func<Task<Outcome<T>>> act, Func<T, string> done, Func<string> back, CancellationToken ct) =>
        WriteAsync(async () =>
        {
            var outcome = await act();
            if (outcome.Kind == OutcomeKind.NotFound) return Missing(outcome.Message);
            return RedirectWithFlash(back(), outcome.IsOk ? done(outcome.Value!)
                : outcome.Message ?? string.Join(" ", outcome.Errors!.Entries.SelectMany(e => e.Value)));
        }, ct);

    /// <summary>Blue while ordered, grey once cancelled, green once eaten or delivered.</summary>
    public static string Tone(MealOrderStatus status) => status switch
    {
        MealOrderStatus.Ordered => "blue",
        MealOrderStatus.Cancelled => "grey",
        _ => "green",
    };

    /// <summary>Red for a missing or short sample, green once disposed of in time, blue while kept.</summary>
    public static string Tone(SampleState state) => state switch
    {
        SampleState.Missing or SampleState.Short => "red",
        SampleState.Done => "green",
        _ => "blue",
    };

    /// <summary>A datetime-local value ("2026-11-29T10:30") read as China time.</summary>
    public static DateTimeOffset? LocalTime(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateTime.TryParseExact(text.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local))
            return new DateTimeOffset(local, ChinaClock.Offset);
        errors.Add(field, "时间格式应为 YYYY-MM-DD HH:mm，例如 2026-11-29 10:30。");
        return null;
    }
}
