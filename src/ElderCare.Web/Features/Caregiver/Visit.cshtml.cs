using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Caregiver;

/// <summary>One visit on the phone: navigate, check in, take the elder's code, check out with notes.</summary>
[Authorize(Policy = Roles.Policies.DeliverVisits)]
public sealed class CaregiverVisitModel(AppDbContext db, CurrentUser user, FieldProtector protector, ServiceOptions options, TimeProvider clock) : PageModel
{
    public OrderResource? Order { get; private set; }
    public string? Lat { get; private set; }
    public string? Lng { get; private set; }
    public string? Notes { get; private set; }
    public string? DurationReason { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await Load(id, ct) ? Page() : NotFoundPage();

    public Task<IActionResult> OnPostCheckInAsync(Guid id, string? lat, string? lng, CancellationToken ct) => Act(id, lat, lng, async (la, lo) =>
        await RecordVisit.CheckIn(id, new RecordVisit.ClockInput(la, lo, null), user, db, protector, options, clock, ct), "已签到。", ct);

    public Task<IActionResult> OnPostCheckOutAsync(Guid id, string? lat, string? lng, string? notes, string? durationReason, CancellationToken ct)
    {
        Notes = notes;
        DurationReason = durationReason;
        return Act(id, lat, lng, async (la, lo) =>
            await RecordVisit.CheckOut(id, new RecordVisit.CheckOutInput(la, lo, null, notes, durationReason), user, db, options, clock, ct), "已签退。", ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, string? code, CancellationToken ct)
    {
        var outcome = await RecordVisit.Confirm(id, new RecordVisit.ConfirmInput(code), user, db, protector, options, clock, ct);
        return await After(id, outcome, new FieldErrors(), "老人或家属已确认。", ct);
    }

    private async Task<IActionResult> Act(Guid id, string? lat, string? lng, Func<double?, double?, Task<Outcome<OrderResource>>> action, string done, CancellationToken ct)
    {
        Lat = lat;
        Lng = lng;
        var errors = new FieldErrors();
        var la = FormValues.Double(lat, "lat", errors, "29.404800");
        var lo = FormValues.Double(lng, "lng", errors, "105.594200");
        if (errors.Any)
        {
            ModelState.AddFieldErrors(errors);
            return await Load(id, ct) ? Page() : NotFoundPage();
        }
        return await After(id, await action(la, lo), errors, done, ct);
    }

    private async Task<IActionResult> After(Guid id, Outcome<OrderResource> outcome, FieldErrors errors, string done, CancellationToken ct)
    {
        if (outcome.Kind == OutcomeKind.NotFound) return NotFoundPage();
        if (outcome.IsOk)
        {
            TempData["Flash"] = done;
            return Redirect($"/caregiver/orders/{id}");
        }
        outcome.Errors?.MergeInto(errors);
        if (outcome.Kind == OutcomeKind.Conflict) errors.Add("order", outcome.Message!);
        ModelState.AddFieldErrors(errors);
        return await Load(id, ct) ? Page() : NotFoundPage();
    }

    private async Task<bool> Load(Guid id, CancellationToken ct)
    {
        var outcome = await GetOrder.Handle(id, user.Scope, db, ct);
        Order = outcome.Value;
        return outcome.IsOk;
    }

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
