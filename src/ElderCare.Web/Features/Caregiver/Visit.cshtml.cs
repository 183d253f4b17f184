using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Evidence;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Caregiver;

/// <summary>
/// One visit on the phone: navigate, check in with the phone's position, take the elder's code, tick the item's
/// checklist, add photos, and check out with the elder's signature (or the code).
/// </summary>
[Authorize(Policy = Roles.Policies.DeliverVisits)]
[RequestSizeLimit(EvidenceUploads.PageRequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = EvidenceUploads.PageRequestLimit)]
public sealed class CaregiverVisitModel(AppDbContext db, CurrentUser user, FieldProtector protector, ServiceOptions options, TimeProvider clock,
    IEvidenceStore store, EvidenceOptions evidence) : OutcomePageModel
{
    private const string NoOrder = "找不到该工单，或不是派给您的。";

    public OrderResource? Order { get; private set; }
    public string? Lat { get; private set; }
    public string? Lng { get; private set; }
    public string? Accuracy { get; private set; }
    public bool Typed { get; private set; }
    public string? PositionReason { get; private set; }
    public string? Notes { get; private set; }
    public string? DurationReason { get; private set; }

    /// <summary>The item's checklist, and the steps ticked when the form comes back with errors.</summary>
    public IReadOnlyList<string> Steps { get; private set; } = [];

    public IReadOnlyList<string> Ticked { get; private set; } = [];

    /// <summary>Over or under plan by this many minutes, the visit needs a reason (<see cref="ServiceOptions.DurationToleranceMinutes"/>).</summary>
    public int DurationToleranceMinutes => options.DurationToleranceMinutes;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await Shown(id, ct);

    public Task<IActionResult> OnPostCheckInAsync(Guid id, string? lat, string? lng, string? accuracy, bool typedPosition, string? positionReason,
        CancellationToken ct) =>
        Act(id, lat, lng, accuracy, typedPosition, positionReason, async (la, lo, acc) =>
            await RecordVisit.CheckIn(id, new RecordVisit.ClockInput(la, lo, null, acc, typedPosition, positionReason), user, db, protector, options,
                clock, ct), "已签到。", ct);

    public async Task<IActionResult> OnPostCheckOutAsync(Guid id, string? lat, string? lng, string? accuracy, bool typedPosition,
        string? positionReason, string? notes, string? durationReason, List<string>? checklist, string? signature, List<IFormFile>? photos,
        CancellationToken ct)
    {
        Notes = notes;
        DurationReason = durationReason;
        Ticked = checklist ?? [];
        // Photos first (optional evidence, kept even if the check-out is then refused: the same bytes are stored once).
        foreach (var photo in (photos ?? []).Where(p => p.Length > 0))
        {
            await using var stream = photo.OpenReadStream();
            var stored = await AttachVisitPhoto.Handle(id, stream, user, db, store, evidence, clock, ct);
            if (stored.IsOk) continue;
            if (stored.Kind != OutcomeKind.Invalid) return await After(id, Outcome<OrderResource>.Conflict(stored.Message!), "", ct);
            var why = string.Join(" ", stored.Errors!.Entries.SelectMany(e => e.Value));
            ModelState.AddFieldErrors(new FieldErrors().Add("photos", $"{photo.FileName}：{why}"));
            (Lat, Lng, Accuracy, Typed, PositionReason) = (lat, lng, accuracy, typedPosition, positionReason);
            return await Shown(id, ct);
        }
        return await Act(id, lat, lng, accuracy, typedPosition, positionReason, async (la, lo, acc) =>
            await RecordVisit.CheckOut(id, new RecordVisit.CheckOutInput(la, lo, null, notes, durationReason, acc, typedPosition, positionReason,
                checklist, signature), user, db, options, clock, store, evidence, ct), "已签退。", ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, string? code, CancellationToken ct)
    {
        var outcome = await RecordVisit.Confirm(id, new RecordVisit.ConfirmInput(code), user, db, protector, options, clock, ct);
        return await After(id, outcome, "老人或家属已确认。", ct);
    }

    private async Task<IActionResult> Act(Guid id, string? lat, string? lng, string? accuracy, bool typed, string? positionReason,
        Func<double?, double?, double?, Task<Outcome<OrderResource>>> action, string done, CancellationToken ct)
    {
        (Lat, Lng, Accuracy, Typed, PositionReason) = (lat, lng, accuracy, typed, positionReason);
        var errors = new FieldErrors();
        var la = FormValues.Double(lat, "lat", errors, "29.404800");
        var lo = FormValues.Double(lng, "lng", errors, "105.594200");
        var acc = FormValues.Double(accuracy, "accuracy", errors, "12");
        if (!errors.Any) return await After(id, await action(la, lo, acc), done, ct);
        ModelState.AddFieldErrors(errors);
        return await Shown(id, ct);
    }

    private async Task<IActionResult> After(Guid id, Outcome<OrderResource> outcome, string done, CancellationToken ct)
    {
        // A step refused in the order's state is said beside the forms (field "order"), as the phone page always did.
        if (outcome.Kind == OutcomeKind.Conflict) outcome = Outcome<OrderResource>.Invalid("order", outcome.Message!);
        return Show(outcome, _ =>
        {
            return RedirectWithFlash($"/caregiver/orders/{id}", done);
        }, NoOrder) ?? await Shown(id, ct);
    }

    /// <summary>The page with the order as it stands now (and its item's checklist), or the not-found panel.</summary>
    private async Task<IActionResult> Shown(Guid id, CancellationToken ct)
    {
        Order = (await GetOrder.Handle(id, user.Scope, db, ct)).Value;
        if (Order is null) return Missing(NoOrder);
        Steps = await GetChecklist.Steps(Order.ItemCode, db, ct);
        return Page();
    }
}
