using System.Globalization;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Meals;

/// <summary>What the meal pages share: the day and meal shown, the kitchens and dining points in scope, a 404 message.</summary>
public abstract class MealPageModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
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
    public string? NotFoundMessage { get; protected set; }

    public bool CanWrite => Roles.Allows(User, Roles.Policies.WriteMeals);
    public string DateValue => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public string MealValue => EnumText.Of(Meal);

    protected async Task LoadSitesAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        Date = clock.DateOrToday(DateText, "date", errors);
        Meal = EnumText.Optional<Meal>(MealText, "meal", errors) ?? Meal.Lunch;
        foreach (var (field, messages) in errors.Entries)
            foreach (var m in messages) ModelState.AddModelError(field, m);
        Kitchens = await ListMealSites.Kitchens(user.Scope, db, ct);
        Points = await ListMealSites.DiningPoints(user.Scope, db, ct);
    }

    /// <summary>An id outside the user's scope reads as not found (404), as in the API.</summary>
    protected IActionResult NotFoundPage(string message)
    {
        NotFoundMessage = message;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public string KitchenName(Guid id) => Kitchens.FirstOrDefault(k => k.Id == id)?.Name ?? "";

    public string PointName(Guid id) => Points.FirstOrDefault(p => p.Id == id)?.Name ?? "";

    public static string Time(DateTime? utc) => utc is { } t ? t.Add(ChinaClock.Offset).ToString("HH:mm", CultureInfo.InvariantCulture) : "—";

    public static string DateTimeText(DateTime? utc) => utc is { } t ? t.Add(ChinaClock.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

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
