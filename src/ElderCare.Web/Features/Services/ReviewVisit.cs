using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>
/// Review of a flagged visit by an officer (district or town): "accepted" with a reason makes the visit count as
/// verified (subsidy, reports, KPI) while its flags stay visible beside the reviewer, date and reason; "rejected" keeps
/// it flagged and closes the question. Never silent: only a completed, flagged, not yet reviewed visit, one review each.
/// </summary>
public static class ReviewVisit
{
    public sealed record Input(ReviewOutcome? Outcome, string? Reason);

    public const int ReasonMinLength = 4, ReasonMaxLength = 300;

    /// <summary>Why a visit cannot be reviewed now, or null: "only a completed, flagged visit, and only once".</summary>
    public static string? Refusal(OrderStatus status, Verification verification, bool reviewed) =>
        reviewed ? "该服务已复核，不能再次复核。"
        : status != OrderStatus.Completed || verification != Verification.Flagged ? "只能复核已完成且核验存疑的服务。"
        : null;

    /// <summary>Field errors of a review: an outcome is required; "accepted with a reason" (at least 4 characters).</summary>
    public static FieldErrors Check(Input input)
    {
        var errors = new FieldErrors();
        errors.AddIf(input.Outcome is null, "outcome", "请选择复核结论：认可或不认可。");
        var reason = input.Reason?.Trim() ?? "";
        errors.AddIf(input.Outcome == ReviewOutcome.Accepted && reason.Length < ReasonMinLength, "reason", $"认可存疑服务须写明理由（至少 {ReasonMinLength} 个字）。");
        errors.AddIf(reason.Length > ReasonMaxLength, "reason", $"理由不超过 {ReasonMaxLength} 字。");
        return errors;
    }

    public static async Task<Outcome<OrderResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var order = await db.ServiceOrders.InScope(user.Scope, db).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null) return Outcome<OrderResource>.NotFound("找不到该工单，或不在您的管辖范围内。");
        var text = new FieldErrors();
        input = input with { Reason = text.Text(input.Reason, "reason", "复核理由", ReasonMaxLength, multiLine: true) };
        if (text.Any) return Outcome<OrderResource>.Invalid(text);
        var errors = Check(input);
        if (errors.Any) return Outcome<OrderResource>.Invalid(errors);
        if (Refusal(order.Status, order.Verification, order.Review is not null) is { } refusal) return Outcome<OrderResource>.Conflict(refusal);
        order.Review = new VisitReview { Outcome = input.Outcome!.Value, Reason = input.Reason?.Trim() ?? "", By = user.UserName ?? "",
            At = clock.GetUtcNow().UtcDateTime };
        if (input.Outcome == ReviewOutcome.Accepted) order.Verification = Verification.Verified;
        order.Version++;
        await Outbound.DomainEvents.VisitVerifiedAsync(db, order, order.Review.At, ct); // outbound: visit.verified (ADR 29)
        await ServiceContacts.SaveAsync(db, order.ElderId, ct);
        return await GetOrder.Handle(id, user.Scope, db, ct);
    }
}
