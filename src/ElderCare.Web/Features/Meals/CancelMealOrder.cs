using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>
/// Cancels an ordered meal that has not been eaten, for today or a later day. A cancelled order stays on record (who and
/// when is in the audit log) but counts nowhere: not in the production list, the route sheet or the monthly billing.
/// </summary>
public static class CancelMealOrder
{
    public static async Task<Outcome<MealOrderResource>> Handle(Guid id, CurrentUser user, AppDbContext db, MealOptions options, TimeProvider clock,
        CancellationToken ct)
    {
        var order = await db.MealOrders.InScope(user.Scope).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null) return Outcome<MealOrderResource>.NotFound("未找到该订餐。");
        var refusal = Refusal(order.Status, order.Date, clock.Today());
        if (refusal is not null) return Outcome<MealOrderResource>.Conflict(refusal);
        order.Status = MealOrderStatus.Cancelled;
        await db.SaveChangesAsync(ct);
        var name = await db.Elders.Where(e => e.Id == order.ElderId).Select(e => e.Name).FirstAsync(ct);
        return MealOrderResource.From(order, name, null, options);
    }

    /// <summary>Why an order cannot be cancelled (null when it can): only an uneaten order of today or later.</summary>
    public static string? Refusal(MealOrderStatus status, DateOnly date, DateOnly today) => status switch
    {
        MealOrderStatus.Cancelled => "该订餐已取消。",
        MealOrderStatus.Served or MealOrderStatus.Delivered => $"该订餐{MealValidation.NameOf(status)}，不能取消。",
        _ when date < today => "已过就餐日期的订餐不能取消。",
        _ => null,
    };
}
