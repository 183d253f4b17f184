using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Subsidies;

/// <summary>
/// 特困人员集中供养 (三(二)(三)): the street or town (or the district) records who is placed in which centre from which day,
/// and the day they leave; the monthly fee is computed from it at the 敬老院 rate.
/// </summary>
[Authorize(Policy = Roles.Policies.ReadSubsidies)]
public sealed class PlacementsModel(AppDbContext db, CurrentUser user, FieldProtector protector, TimeProvider clock) : OutcomePageModel
{
    [BindProperty(SupportsGet = true, Name = "current")] public bool Current { get; set; } = true;

    public Paged<PlacementRow> Rows { get; private set; } = new([], 1, PageRequest.DefaultPageSize, 0);
    public IReadOnlyList<(Guid Id, string Name)> Centres { get; private set; } = [];
    public bool CanWrite => Roles.Allows(User, Roles.Policies.WritePlacements);
    public string Today => FormValues.Text(clock.Today());

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostRegisterAsync(string? idNumber, string? facilityId, string? from, bool confirm, CancellationToken ct)
    {
        if (!CanWrite) return Forbid();
        var errors = new FieldErrors();
        Guid? elder = null;
        if (FormValues.Trimmed(idNumber) is { } idn && await GetElder.ByIdNumber(idn, user.Scope, db, protector, clock, ct) is { IsOk: true } found)
            elder = found.Value!.Id;
        else errors.Add("idNumber", "辖区内没有登记该身份证号的老年人。");
        var input = new RegisterPlacement.Input(elder, FormValues.Id(facilityId, "facilityId", errors), FormValues.Date(from, "from", errors));
        errors.AddIf(!confirm, "confirm", "请勾选确认后再登记。");
        if (!errors.Any)
        {
            var outcome = await RegisterPlacement.Handle(input, user, db, clock, ct);
            if (outcome.IsOk)
            {
                return RedirectWithFlash("/subsidies/placements", $"已登记集中供养安置，自 {Display.Date(outcome.Value!.From)} 起按月计算供养费。");
            }
            outcome.Errors?.MergeInto(errors);
            if (outcome.Message is { } message && outcome.Errors is null) errors.Add("idNumber", message);
        }
        ModelState.AddFieldErrors(errors);
        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync(Guid placementId, string? to, bool confirm, CancellationToken ct)
    {
        if (!CanWrite) return Forbid();
        var errors = new FieldErrors();
        var date = FormValues.Date(to, "to", errors);
        errors.AddIf(!confirm, "to", "请勾选确认后再办理离开。");
        if (!errors.Any)
        {
            var outcome = await EndPlacement.Handle(placementId, new EndPlacement.Input(date), user, db, clock, ct);
            if (outcome.IsOk)
            {
                return RedirectWithFlash("/subsidies/placements", $"已办理离开（最后一天 {Display.Date(outcome.Value!.To)}）。");
            }
            if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
            outcome.Errors?.MergeInto(errors);
            if (outcome.Message is { } message && outcome.Errors is null) errors.Add("to", message);
        }
        ModelState.AddFieldErrors(errors);
        await Load(ct);
        return Page();
    }

    public Pager ListPager() => new(Rows.Page, Rows.PageCount, Rows.Total,
        page => FormattableString.Invariant($"/subsidies/placements?current={Current}&page={page}"));

    private async Task Load(CancellationToken ct)
    {
        var outcome = await ListPlacements.Handle(new ListPlacements.Query(Current, Paging.PageNumber(Request), null), user.Scope, db, ct);
        if (outcome.IsOk) Rows = outcome.Value!;
        if (CanWrite) Centres = await ListPlacements.Centres(user.Scope, db, ct);
    }
}
