using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Meals;

/// <summary>Monthly meal billing per dining point and per elder, in yuan, with an Excel download.</summary>
[Authorize(Policy = Roles.Policies.ReadMealBilling)]
public sealed class MealBillingModel(AppDbContext db, CurrentUser user, TimeProvider clock) : MealPageModel(db, user, clock)
{
    [BindProperty(SupportsGet = true, Name = "month")] public string? MonthText { get; set; }
    [BindProperty(SupportsGet = true, Name = "diningPointId")] public Guid? DiningPointId { get; set; }

    public MealBilling? Billing { get; private set; }
    public string MonthValue { get; private set; } = "";

    public string ExcelLink => $"/api/meals/billing.xlsx?month={MonthValue}" + (DiningPointId is { } p ? $"&diningPointId={p}" : "");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadSitesAsync(ct);
        var errors = new FieldErrors();
        var month = GetMealBilling.ParseMonth(MonthText, Clock, errors) ?? new DateOnly(Clock.Today().Year, Clock.Today().Month, 1);
        ModelState.AddFieldErrors(errors);
        MonthValue = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        return await ReportAsync(GetMealBilling.Handle(month, DiningPointId, CurrentUser.Scope, Db, ct), b => Billing = b);
    }
}
