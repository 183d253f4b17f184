using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>Cancel (before the visit starts) or record a missed visit (assigned, nobody came): the reason is required.
/// The subsidy they held returns to the month's allowance (only committed and verified orders use it).</summary>
public static class CloseOrder
{
    public sealed record Input(string? Reason);

    public static async Task<Outcome<OrderResource>> Handle(Guid id, OrderAction action, Input input, CurrentUser user, AppDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var order = await db.ServiceOrders.InScope(user.Scope, db).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null) return Outcome<OrderResource>.NotFound("找不到该工单，或不在您的管辖范围内。");
        var text = new FieldErrors();
        input = input with { Reason = text.Text(input.Reason, "reason", "原因", FreeText.Reason, multiLine: true) };
        if (text.Any) return Outcome<OrderResource>.Invalid(text);
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 300) return Outcome<OrderResource>.Invalid("reason", "请填写原因（不超过 300 字）。");
        if (OrderLifecycle.Apply(order, action, clock.UtcNow(), user.UserName ?? "", reason) is { } refusal)
            return Outcome<OrderResource>.Conflict(refusal);
        order.Version++;
        await db.SaveChangesAsync(ct);
        return await GetOrder.Handle(order.Id, DataScope.District, db, ct);
    }
}
