using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Meals;

/// <summary>
/// A kitchen or dining point form as typed; inputs carry the API's camelCase names so its field errors land beside them.
/// </summary>
public sealed class MealSiteForm
{
    public string? Name { get; set; }
    public string? FacilityId { get; set; }
    public string? KitchenId { get; set; }
    public string? RegionCode { get; set; }
    public string? Address { get; set; }
    public LocationFields Location { get; set; } = new();

    public LocationResource? ReadLocation(FieldErrors errors)
    {
        var lat = FormValues.Double(Location.Lat, "location.lat", errors, "29.4048");
        var lng = FormValues.Double(Location.Lng, "location.lng", errors, "105.5942");
        if ((lat is null) != (lng is null) && !errors.Any) errors.Add("location", "请同时填写纬度和经度，或都不填（取所在设施的位置）。");
        return LocationResource.Of(lat, lng);
    }

    public static MealSiteForm From(KitchenResource k) => new()
    {
        Name = k.Name, FacilityId = k.FacilityId?.ToString(), RegionCode = k.RegionCode, Address = k.Address,
        Location = new() { Lat = FormValues.Text(k.Location?.Lat), Lng = FormValues.Text(k.Location?.Lng) },
    };

    public static MealSiteForm From(DiningPointResource p) => new()
    {
        Name = p.Name, FacilityId = p.FacilityId.ToString(), KitchenId = p.KitchenId.ToString(), Address = p.Address,
        Location = new() { Lat = FormValues.Text(p.Location.Lat), Lng = FormValues.Text(p.Location.Lng) },
    };
}

/// <summary>
/// What the kitchen and dining point forms share: the facilities, regions and kitchens to choose from (in scope), the
/// 404 of an id outside scope, and saving through the API's use cases.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Roles.Policies.ManageMealSites)]
public abstract class MealSiteFormModel(AppDbContext db, CurrentUser user, TimeProvider clock) : OutcomePageModel
{
    [BindProperty] public MealSiteForm Form { get; set; } = new();

    public IReadOnlyList<MealSiteChoice> Facilities { get; private set; } = [];
    public IReadOnlyList<MealSiteChoice> Kitchens { get; private set; } = [];
    public IReadOnlyList<RegionChoice> RegionChoices { get; private set; } = [];

    protected AppDbContext Db => db;
    protected CurrentUser CurrentUser => user;
    protected TimeProvider Clock => clock;

    /// <summary>The kitchen an edited dining point already has: kept even when outside scope (ADR 0019).</summary>
    protected Guid? KeptKitchenId { get; set; }

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        var choices = await GetMealSiteChoices.Handle(user.Scope, KeptKitchenId, db, ct);
        (Facilities, Kitchens, RegionChoices) = (choices.Facilities, choices.Kitchens, choices.Regions);
    }

    /// <summary>An edit form filled from the record in scope; 404 when it is missing or outside scope.</summary>
    protected async Task<IActionResult> EditFormAsync<T>(Outcome<T> current, Func<T, MealSiteForm> fill, CancellationToken ct)
    {
        if (!current.IsOk) return Missing(current.Message);
        Form = fill(current.Value!);
        await LoadChoicesAsync(ct);
        return Page();
    }

    /// <summary>Reads the kitchen form and saves it; what the form cannot read is reported together with the use case's checks.</summary>
    protected async Task<IActionResult> SubmitKitchenAsync(Func<RegisterKitchen.Input, Task<Outcome<KitchenResource>>> save,
        Func<KitchenResource, string> flash, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = new RegisterKitchen.Input(Form.Name, FormValues.Id(Form.FacilityId, "facilityId", errors),
            FormValues.Trimmed(Form.RegionCode), Form.Address, Form.ReadLocation(errors));
        if (errors.Any) return await ShowAsync(errors, (await RegisterKitchen.Check(input, user.Scope, db, ct)).Errors, ct);
        return await SaveAsync(await save(input), flash, ct);
    }

    protected async Task<IActionResult> SubmitDiningPointAsync(Func<RegisterDiningPoint.Input, Task<Outcome<DiningPointResource>>> save,
        Func<DiningPointResource, string> flash, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = new RegisterDiningPoint.Input(Form.Name, FormValues.Id(Form.FacilityId, "facilityId", errors),
            FormValues.Id(Form.KitchenId, "kitchenId", errors), Form.Address, Form.ReadLocation(errors));
        if (errors.Any) return await ShowAsync(errors, (await RegisterDiningPoint.Check(input, user.Scope, db, ct, KeptKitchenId)).Errors, ct);
        return await SaveAsync(await save(input), flash, ct);
    }

    private async Task<IActionResult> ShowAsync(FieldErrors form, FieldErrors checks, CancellationToken ct)
    {
        foreach (var (field, messages) in checks.Entries)
            if (!form.Entries.Any(e => e.Key == field || e.Key.StartsWith(field + ".", StringComparison.Ordinal)))
                foreach (var m in messages) form.Add(field, m);
        ModelState.AddFieldErrors(form);
        await LoadChoicesAsync(ct);
        return Page();
    }

    /// <summary>On success a flash and back to the list, otherwise the errors beside the fields (404 outside scope).</summary>
    private async Task<IActionResult> SaveAsync<T>(Outcome<T> outcome, Func<T, string> flash, CancellationToken ct)
    {
        var shown = Show(outcome, value =>
        {
            return RedirectWithFlash("/meals", flash(value));
        });
        if (shown is not null) return shown;
        await LoadChoicesAsync(ct);
        return Page();
    }
}
