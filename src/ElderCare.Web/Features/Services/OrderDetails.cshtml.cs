using ElderCare.Web.Infrastructure.Web;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Services;

/// <summary>An order with its timeline and EVV flags; office roles assign, cancel, rate and take complaints here.</summary>
[Authorize(Policy = Roles.Policies.ReadServices)]
public sealed class OrderDetailsModel(AppDbContext db, CurrentUser user, FieldProtector protector, ServiceOptions options, TimeProvider clock,
    AuditLog audit, Evidence.IEvidenceStore store) : OutcomePageModel
{
    /// <summary>The visit's proof: position sources, checklist, photos and signature (GetVisitProof, ADR 30).</summary>
    public VisitProofResource? Proof { get; private set; }

    /// <summary>A photo or the signature of this order's visit, shown inline on the page.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(Guid id, Guid attachmentId, CancellationToken ct)
    {
        var outcome = await OpenVisitAttachment.Handle(id, attachmentId, user.Scope, db, store, ct);
        if (!outcome.IsOk) return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        return File(outcome.Value!.Content, outcome.Value.ContentType);
    }

    /// <summary>Suggestions shown beside the assign form: a short list, the API gives more.</summary>
    private const int SuggestionsShown = 8;

    public OrderResource Order { get; private set; } = null!;
    public SuggestionsResource? Suggestions { get; private set; }
    public string? Code { get; private set; }

    public string Distance(ClockResource at) => Order is { HomeLatitude: { } la, HomeLongitude: { } lo }
        ? $"距住址 {Geo.DistanceMeters(new GeoPoint(la, lo), new GeoPoint(at.Latitude, at.Longitude)):0} 米" : "住址未定位";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await Reload(id, ct);

    public Task<IActionResult> OnPostAssignAsync(Guid id, string? workerId, string? note, CancellationToken ct) => Act(id, async errors =>
    {
        var worker = FormValues.Id(workerId, "workerId", errors);
        return errors.Any ? null : await AssignOrder.Handle(id, new AssignOrder.Input(worker, note), user, db, clock, audit, ct);
    }, "已派单。", ct);

    /// <summary>人工指定: a worker the suggestion left out, with the reason (Dispatch.Overridable); flagged on the order and audited.</summary>
    public Task<IActionResult> OnPostOverrideAsync(Guid id, string? overrideWorkerId, string? overrideReason, CancellationToken ct) =>
        Act(id, async errors =>
        {
            var worker = FormValues.Id(overrideWorkerId, "overrideWorkerId", errors);
            errors.AddIf(worker is null && !errors.Any, "overrideWorkerId", "请选择要人工指定的服务人员。");
            if (errors.Any) return null;
            var outcome = await AssignOrder.Handle(id, new AssignOrder.Input(worker, null, overrideReason ?? ""), user, db, clock, audit, ct);
            // The form's worker field is overrideWorkerId: the use case's workerId error is shown beside it.
            if (outcome.Errors is not { } e) return outcome;
            var renamed = new FieldErrors();
            foreach (var (field, messages) in e.Entries)
                foreach (var m in messages) renamed.Add(field == "workerId" ? "overrideWorkerId" : field, m);
            return Outcome<OrderResource>.Invalid(renamed);
        }, "已人工指定派单，工单已标记。", ct);

    public Task<IActionResult> OnPostCancelAsync(Guid id, string? reason, CancellationToken ct) => Act(id, async _ =>
        await CloseOrder.Handle(id, OrderAction.Cancel, new CloseOrder.Input(reason), user, db, clock, ct), "已取消工单。", ct);

    public Task<IActionResult> OnPostMissedAsync(Guid id, string? reason, CancellationToken ct) => Act(id, async _ =>
        await CloseOrder.Handle(id, OrderAction.Miss, new CloseOrder.Input(reason), user, db, clock, ct), "已登记未上门。", ct);

    public Task<IActionResult> OnPostRateAsync(Guid id, string? score, string? comment, CancellationToken ct) => Act(id, async errors =>
    {
        var s = FormValues.Int(score, "score", errors);
        return errors.Any ? null : await RateOrder.Handle(id, new RateOrder.Input(s, comment), user, db, ct);
    }, "已保存评价。", ct);

    public async Task<IActionResult> OnPostReviewAsync(Guid id, string? outcome, string? reason, CancellationToken ct)
    {
        if (!Roles.Allows(User, Roles.Policies.ReviewVisits)) return Forbid();
        var errors = new FieldErrors();
        var o = FormValues.Choice<ReviewOutcome>(outcome, "outcome", errors);
        if (errors.Any) ModelState.AddFieldErrors(errors);
        else
        {
            var result = await ReviewVisit.Handle(id, new ReviewVisit.Input(o, reason), user, db, clock, ct);
            var done = o == ReviewOutcome.Accepted ? "已复核认可，该服务计为核验通过。" : "已复核不认可，该服务仍为存疑。";
            if (Show(result, _ => Done(id, done)) is { } shown) return shown;
            if (ConflictMessage is { } conflict) ModelState.AddModelError("outcome", conflict);
        }
        return await Reload(id, ct);
    }

    public async Task<IActionResult> OnPostComplaintAsync(Guid id, string? severity, string? text, CancellationToken ct)
    {
        if (!Roles.Allows(User, Roles.Policies.WriteOrders)) return Forbid();
        var errors = new FieldErrors();
        var s = FormValues.Choice<ComplaintSeverity>(severity, "severity", errors);
        if (errors.Any) ModelState.AddFieldErrors(errors);
        else
        {
            var outcome = await RaiseComplaint.Handle(id, new RaiseComplaint.Input(s, text), user, db, options, clock, ct);
            if (Show(outcome, c => Done(id, $"已登记投诉，须在 {Display.ChinaTime(c.DueAt)} 前办结。")) is { } shown) return shown;
        }
        return await Reload(id, ct);
    }

    /// <summary>An office action on the order: form errors and refusals show beside the order, success returns to it.</summary>
    private async Task<IActionResult> Act(Guid id, Func<FieldErrors, Task<Outcome<OrderResource>?>> action, string done, CancellationToken ct)
    {
        if (!Roles.Allows(User, Roles.Policies.WriteOrders)) return Forbid();
        var errors = new FieldErrors();
        if (await action(errors) is not { } outcome) ModelState.AddFieldErrors(errors);
        else
        {
            if (Show(outcome, _ => Done(id, done)) is { } shown) return shown;
            if (ConflictMessage is { } conflict) ModelState.AddModelError("order", conflict);
        }
        return await Reload(id, ct);
    }

    private RedirectResult Done(Guid id, string flash)
    {
        return RedirectWithFlash($"/orders/{id}", flash);
    }

    /// <summary>The order as it now stands (404 panel when gone or out of scope), with suggestions and the code for office roles.</summary>
    private async Task<IActionResult> Reload(Guid id, CancellationToken ct)
    {
        var outcome = await GetOrder.Handle(id, user.Scope, db, ct);
        if (!outcome.IsOk) return Missing(outcome.Message);
        Order = outcome.Value!;
        Proof = (await GetVisitProof.Handle(id, user.Scope, db, ct)).Value;
        if (Roles.Allows(User, Roles.Policies.WriteOrders))
        {
            if (Order.Status is OrderStatus.Requested or OrderStatus.Assigned)
                Suggestions = (await SuggestWorkers.Handle(id, SuggestionsShown, user.Scope, db, clock, ct)).Value;
            if (Order.CodeIssued && !Order.Confirmed) Code = (await RecordVisit.Code(id, user.Scope, db, protector, ct)).Value;
        }
        return Page();
    }
}
