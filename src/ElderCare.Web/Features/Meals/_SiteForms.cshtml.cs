using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Meals;

/// <summary>A kitchen or dining point form as typed; inputs carry the API's camelCase names so its field errors land beside them.</summary>
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
        return lat is { } la && lng is { } ln ? new LocationResource(la, ln) : null;
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
public abstract class MealSiteFormModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty] public MealSiteForm Form { get; set; } = new();

    public sealed record Choice(Guid Id, string Name);

    public IReadOnlyList<Choice> Facilities { get; private set; } = [];
    public IReadOnlyList<Choice> Kitchens { get; private set; } = [];
    public IReadOnlyList<RegionChoice> RegionChoices { get; private set; } = [];
    public string? NotFoundMessage { get; private set; }

    protected AppDbContext Db => db;
    protected CurrentUser CurrentUser => user;
    protected TimeProvider Clock => clock;

    /// <summary>The kitchen an edited dining point already has: kept even when outside scope (ADR 0019).</summary>
    protected Guid? KeptKitchenId { get; set; }

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        Facilities = (await db.Facilities.AsNoTracking().InScope(user.Scope).OrderBy(f => f.Name).Select(f => new { f.Id, f.Name }).ToListAsync(ct))
            .Select(f => new Choice(f.Id, f.Name)).ToList();
        // Only kitchens the user may read (ADR 0019), as the API allows.
        var kept = KeptKitchenId;
        Kitchens = (await db.Kitchens.AsNoTracking().Where(k => db.Kitchens.InScope(user.Scope).Any(i => i.Id == k.Id) || k.Id == kept).OrderBy(k => k.UnitCode).ThenBy(k => k.Name).Select(k => new { k.Id, k.Name }).ToListAsync(ct))
            .Select(k => new Choice(k.Id, k.Name)).ToList();
        var regions = await ListRegions.Handle(null, user.Scope, db, ct);
        RegionChoices = regions.Where(r => Region.IsUnit(r.Kind))
            .Select(u => new RegionChoice(u, regions.Where(c => c.ParentCode == u.Code).ToList())).ToList();
    }

    protected IActionResult Missing(string? message)
    {
        NotFoundMessage = message ?? "未找到。";
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>Reads the kitchen form and saves it; what the form cannot read is reported together with the use case's checks.</summary>
    protected async Task<IActionResult> SubmitKitchenAsync(Func<RegisterKitchen.Input, Task<Outcome<KitchenResource>>> save, Func<KitchenResource, string> flash,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = new RegisterKitchen.Input(Form.Name, FormValues.Id(Form.FacilityId, "facilityId", errors), FormValues.Trimmed(Form.RegionCode), Form.Address,
            Form.ReadLocation(errors));
        if (errors.Any) return await ShowAsync(errors, (await RegisterKitchen.Check(input, user.Scope, db, ct)).Errors, ct);
        return await SaveAsync(await save(input), flash, ct);
    }

    protected async Task<IActionResult> SubmitDiningPointAsync(Func<RegisterDiningPoint.Input, Task<Outcome<DiningPointResource>>> save,
        Func<DiningPointResource, string> flash, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = new RegisterDiningPoint.Input(Form.Name, FormValues.Id(Form.FacilityId, "facilityId", errors), FormValues.Id(Form.KitchenId, "kitchenId", errors),
            Form.Address, Form.ReadLocation(errors));
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
        if (outcome.IsOk)
        {
            TempData["Flash"] = flash(outcome.Value!);
            return Redirect("/meals");
        }
        if (outcome.Kind == OutcomeKind.NotFound) return Missing(outcome.Message);
        ModelState.AddFieldErrors(outcome.Errors!);
        await LoadChoicesAsync(ct);
        return Page();
    }
}
