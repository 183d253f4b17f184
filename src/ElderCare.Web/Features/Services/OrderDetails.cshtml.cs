using ElderCare.Web.Infrastructure.Web;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Services;

/// <summary>An order with its timeline and EVV flags; office roles assign, cancel, rate and take complaints here.</summary>
[Authorize(Policy = Roles.Policies.ReadServices)]
public sealed class OrderDetailsModel(AppDbContext db, CurrentUser user, FieldProtector protector, ServiceOptions options, TimeProvider clock) : PageModel
{
    public OrderResource? Order { get; private set; }
    public SuggestionsResource? Suggestions { get; private set; }
    public string? Code { get; private set; }

    public string Distance(ClockResource at) => Order is { HomeLatitude: { } la, HomeLongitude: { } lo }
        ? $"距住址 {Geo.DistanceMeters(new GeoPoint(la, lo), new GeoPoint(at.Latitude, at.Longitude)):0} 米" : "住址未定位";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await Load(id, ct) ? Page() : NotFoundPage();

    public Task<IActionResult> OnPostAssignAsync(Guid id, string? workerId, string? note, CancellationToken ct) => Act(id, async errors =>
    {
        var worker = FormValues.Id(workerId, "workerId", errors);
        return errors.Any ? null : await AssignOrder.Handle(id, new AssignOrder.Input(worker, note), user, db, clock, ct);
    }, "已派单。", ct);

    public Task<IActionResult> OnPostCancelAsync(Guid id, string? reason, CancellationToken ct) =>
        Act(id, async _ => await CloseOrder.Handle(id, OrderAction.Cancel, new CloseOrder.Input(reason), user, db, clock, ct), "已取消工单。", ct);

    public Task<IActionResult> OnPostMissedAsync(Guid id, string? reason, CancellationToken ct) =>
        Act(id, async _ => await CloseOrder.Handle(id, OrderAction.Miss, new CloseOrder.Input(reason), user, db, clock, ct), "已登记未上门。", ct);

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
        if (!errors.Any)
        {
            var result = await ReviewVisit.Handle(id, new ReviewVisit.Input(o, reason), user, db, clock, ct);
            if (result.Kind == OutcomeKind.NotFound) return NotFoundPage();
            if (result.IsOk)
            {
                TempData["Flash"] = o == ReviewOutcome.Accepted ? "已复核认可，该服务计为核验通过。" : "已复核不认可，该服务仍为存疑。";
                return Redirect($"/orders/{id}");
            }
            result.Errors?.MergeInto(errors);
            if (result.Kind == OutcomeKind.Conflict) errors.Add("outcome", result.Message!);
        }
        ModelState.AddFieldErrors(errors);
        return await Load(id, ct) ? Page() : NotFoundPage();
    }

    public async Task<IActionResult> OnPostComplaintAsync(Guid id, string? severity, string? text, CancellationToken ct)
    {
        if (!Roles.Allows(User, Roles.Policies.WriteOrders)) return Forbid();
        var errors = new FieldErrors();
        var s = FormValues.Choice<ComplaintSeverity>(severity, "severity", errors);
        if (!errors.Any)
        {
            var outcome = await Complaints.File(id, new Complaints.FileInput(s, text), user, db, options, clock, ct);
            if (outcome.Kind == OutcomeKind.NotFound) return NotFoundPage();
            if (outcome.IsOk)
            {
                TempData["Flash"] = $"已登记投诉，须在 {ServiceTime.Text(outcome.Value!.DueAt)} 前办结。";
                return Redirect($"/orders/{id}");
            }
            outcome.Errors?.MergeInto(errors);
        }
        ModelState.AddFieldErrors(errors);
        return await Load(id, ct) ? Page() : NotFoundPage();
    }

    private async Task<IActionResult> Act(Guid id, Func<FieldErrors, Task<Outcome<OrderResource>?>> action, string done, CancellationToken ct)
    {
        if (!Roles.Allows(User, Roles.Policies.WriteOrders)) return Forbid();
        var errors = new FieldErrors();
        var outcome = await action(errors);
        if (outcome is { Kind: OutcomeKind.NotFound }) return NotFoundPage();
        if (outcome is { IsOk: true })
        {
            TempData["Flash"] = done;
            return Redirect($"/orders/{id}");
        }
        if (outcome?.Errors is { } e) e.MergeInto(errors);
        if (outcome is { Kind: OutcomeKind.Conflict }) errors.Add("order", outcome.Message!);
        ModelState.AddFieldErrors(errors);
        return await Load(id, ct) ? Page() : NotFoundPage();
    }

    private async Task<bool> Load(Guid id, CancellationToken ct)
    {
        var outcome = await GetOrder.Handle(id, user.Scope, db, ct);
        if (!outcome.IsOk) return false;
        Order = outcome.Value;
        if (Roles.Allows(User, Roles.Policies.WriteOrders))
        {
            if (Order!.Status is OrderStatus.Requested or OrderStatus.Assigned)
                Suggestions = (await SuggestWorkers.Handle(id, 8, user.Scope, db, clock, ct)).Value;
            if (Order.CodeIssued && !Order.Confirmed) Code = (await RecordVisit.Code(id, user.Scope, db, protector, ct)).Value;
        }
        return true;
    }

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
