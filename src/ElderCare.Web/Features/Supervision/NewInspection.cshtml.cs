using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Supervision;

/// <summary>
/// The inspector records an inspection on a phone (三(一)): the facility, the inspector, the date, and per checklist item a
/// result (radio <c>result-{code}</c>: pass / fail / not-applicable) and a note (<c>note-{code}</c>).
/// </summary>
[Authorize(Policy = Roles.Policies.InspectFacilities)]
public sealed class NewInspectionModel(AppDbContext db, CurrentUser user, TimeProvider clock) : OutcomePageModel
{
    [BindProperty(SupportsGet = true, Name = "roundId")] public Guid RoundId { get; set; }
    [BindProperty(Name = "facilityId")] public string? FacilityId { get; set; }
    [BindProperty(Name = "inspector")] public string? Inspector { get; set; }
    [BindProperty(Name = "inspectedOn")] public string? InspectedOn { get; set; }

    public GetSupervisionRound.Resource? Round { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Facilities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        InspectedOn = FormValues.Text(clock.Today());
        return await Load(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await Load(ct) is { } missing) return missing;
        var errors = new FieldErrors();
        var facility = FormValues.Id(FacilityId, "facilityId", errors);
        var on = FormValues.Date(InspectedOn, "inspectedOn", errors);
        var results = Round!.Checklist.Items.Select((item, n) =>
            new RecordInspection.ResultInput(item.Code, Chosen(item.Code, n, errors), Request.Form[$"note-{item.Code}"].ToString())).ToList();
        if (!errors.Any)
        {
            var outcome = await RecordInspection.Handle(new RecordInspection.Input(RoundId, facility, Inspector, on, results), user, db, clock, ct);
            var shown = Show(outcome, i =>
            {
                return RedirectWithFlash($"/supervision/inspections/{i.Id}", i.Failed == 0 ? "检查结果已保存，各项均符合。" : $"检查结果已保存，{i.Failed} 项不符合，请登记问题。");
            });
            if (shown is not null) return shown;
            return Page();
        }
        ModelState.AddFieldErrors(errors);
        return Page();
    }

    /// <summary>The result chosen for an item (as typed after a refused save).</summary>
    public string? Entered(string code) => Request.HasFormContentType ? Request.Form[$"result-{code}"].ToString() : null;

    public string? EnteredNote(string code) => Request.HasFormContentType ? Request.Form[$"note-{code}"].ToString() : null;

    private ItemResult? Chosen(string code, int n, FieldErrors errors)
    {
        var text = Request.Form[$"result-{code}"].ToString();
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (EnumText.TryParse<ItemResult>(text, out var result)) return result;
        errors.Add($"results[{n}].result", "请选择符合、不符合或不适用。");
        return null;
    }

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        var round = await GetSupervisionRound.Handle(RoundId, db, ct);
        if (!round.IsOk) return Missing(round.Message);
        Round = round.Value!;
        Facilities = await SupervisionQueries.FacilityChoices(user.Scope, db, ct);
        return null;
    }
}
