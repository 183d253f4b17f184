using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Meals;

/// <summary>Pauses a standing order from today: no more meal orders are generated from it; orders already placed stay.</summary>
public static class PauseStandingMealOrder
{
    public static async Task<Outcome<StandingMealOrderResource>> Handle(Guid id, CurrentUser user, AppDbContext db, TimeProvider clock,
        Audit.AuditLog audit, CancellationToken ct)
    {
        var found = await ListStandingMealOrders.FindAsync(id, user.Scope, db, ct);
        if (found is not var (order, name)) return Outcome<StandingMealOrderResource>.NotFound("未找到该长期订餐。");
        if (order.Paused) return Outcome<StandingMealOrderResource>.Conflict($"该长期订餐已于 {order.PausedOn:yyyy-MM-dd} 暂停。");
        order.PausedOn = clock.Today();
        order.PausedBy = user.UserName ?? "";
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new Audit.AuditRecord(user.Id, user.UserName,
            "meal.standing-order.pause", $"standing-meal-order/{order.Id}", Audit.AuditOutcome.Success,
            user.Address,
            $"{name}：{MealValidation.NameOf(order.Meal)}，自 {order.PausedOn:yyyy-MM-dd} 暂停"));
        return StandingMealOrderResource.From(order, name);
    }
}
