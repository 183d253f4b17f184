using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.FamilyBeds;

[Authorize(Policy = Roles.Policies.WriteFamilyBeds)]
public sealed class NewFamilyBedModel(AppDbContext db, CurrentUser user, FieldProtector protector, FamilyBedOptions options, TimeProvider clock)
    : OutcomePageModel
{
    [BindProperty(Name = "idNumber")] public string? IdNumber { get; set; }
    [BindProperty(Name = "facilityId")] public string? FacilityId { get; set; }
    [BindProperty(Name = "adaptations")] public List<string> Adaptations { get; set; } = [];
    [BindProperty(Name = "devices")] public string? Devices { get; set; }
    [BindProperty(Name = "serviceItemId")] public string? ServiceItemId { get; set; }
    [BindProperty(Name = "visitsPerMonth")] public string? VisitsPerMonth { get; set; } = "4";
    [BindProperty(Name = "visitHour")] public string? VisitHour { get; set; } = "9";

    public IReadOnlyList<(Guid Id, string Name)> Facilities { get; private set; } = [];
    public IReadOnlyList<ServiceItemResource> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        Guid? elder = null;
        if (FormValues.Trimmed(IdNumber) is { } idn
            && await GetElder.ByIdNumber(idn, user.Scope, db, protector, clock, ct) is { IsOk: true } found) elder = found.Value!.Id;
        else errors.Add("idNumber", "辖区内没有登记该身份证号的老年人。");
        var input = new RegisterFamilyBed.Input(elder, FormValues.Id(FacilityId, "facilityId", errors), null, Adaptations,
            (Devices ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            FormValues.Id(ServiceItemId, "serviceItemId", errors), FormValues.Int(VisitsPerMonth, "visitsPerMonth", errors),
            FormValues.Int(VisitHour, "visitHour", errors));
        if (!errors.Any)
        {
            var outcome = await RegisterFamilyBed.Handle(input, user, db, options, clock, ct);
            if (outcome.IsOk)
            {
                return RedirectWithFlash("/family-beds", $"已为 {outcome.Value!.ElderName} 签约家庭养老床位。");
            }
            outcome.Errors?.MergeInto(errors);
            if (outcome.Kind == OutcomeKind.Conflict) errors.Add("idNumber", outcome.Message!);
        }
        ModelState.AddFieldErrors(errors);
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        Facilities = await FamilyBedQueries.CentreChoices(user.Scope, db, ct);
        Items = await ListServiceItems.Handle(null, false, db, clock, ct);
    }
}
