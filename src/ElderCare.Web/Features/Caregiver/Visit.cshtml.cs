using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Caregiver;

/// <summary>One visit on the phone: navigate, check in, take the elder's code, check out with notes.</summary>
[Authorize(Policy = Roles.Policies.DeliverVisits)]
public sealed class CaregiverVisitModel(AppDbContext db, CurrentUser user, FieldProtector protector, ServiceOptions options, TimeProvider clock)
    : OutcomePageModel
{
    private const string NoOrder = "找不到该工单，或不是派给您的。";

    public OrderResource? Order { get; private set; }
    public string? Lat { get; private set; }
    public string? Lng { get; private set; }
    public string? Notes { get; private set; }
    public string? DurationReason { get; private set; }

    /// <summary>Over or under plan by this many minutes, the visit needs a reason (<see cref="ServiceOptions.DurationToleranceMinutes"/>).</summary>
    public int DurationToleranceMinutes => options.DurationToleranceMinutes;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await Shown(id, ct);

    public Task<IActionResult> OnPostCheckInAsync(Guid id, string? lat, string? lng, CancellationToken ct) => Act(id, lat, lng, async (la, lo) =>
        await RecordVisit.CheckIn(id, new RecordVisit.ClockInput(la, lo, null), user, db, protector, options, clock, ct), "已签到。", ct);

    public Task<IActionResult> OnPostCheckOutAsync(Guid id, string? lat, string? lng, string? notes, string? durationReason, CancellationToken ct)
    {
        Notes = notes;
        DurationReason = durationReason;
        return Act(id, lat, lng, async (la, lo) =>
            await RecordVisit.CheckOut(id, new RecordVisit.CheckOutInput(la, lo, null, notes, durationReason), user, db, options, clock, ct),
            "已签退。", ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, string? code, CancellationToken ct)
    {
        var outcome = await RecordVisit.Confirm(id, new RecordVisit.ConfirmInput(code), user, db, protector, options, clock, ct);
        return await After(id, outcome, "老人或家属已确认。", ct);
    }

    private async Task<IActionResult> Act(Guid id, string? lat, string? lng, Func<double?, double?, Task<Outcome<OrderResource>>> action,
        string done, CancellationToken ct)
    {
        Lat = lat;
        Lng = lng;
        var errors = new FieldErrors();
        var la = FormValues.Double(lat, "lat", errors, "29.404800");
        var lo = FormValues.Double(lng, "lng", errors, "105.594200");
        if (!errors.Any) return await After(id, await action(la, lo), done, ct);
        ModelState.AddFieldErrors(errors);
        return await Shown(id, ct);
    }

    private async Task<IActionResult> After(Guid id, Outcome<OrderResource> outcome, string done, CancellationToken ct)
    {
        // A step refused in the order's state is said beside the forms (field "order"), as the phone page always did.
        if (outcome.Kind == OutcomeKind.Conflict) outcome = Outcome<OrderResource>.Invalid("order", outcome.Message!);
        return Show(outcome, _ =>
        {
            TempData["Flash"] = done;
            return Redirect($"/caregiver/orders/{id}");
        }, NoOrder) ?? await Shown(id, ct);
    }

    /// <summary>The page with the order as it stands now, or the not-found panel.</summary>
    private async Task<IActionResult> Shown(Guid id, CancellationToken ct)
    {
        Order = (await GetOrder.Handle(id, user.Scope, db, ct)).Value;
        return Order is null ? Missing(NoOrder) : Page();
    }
}
