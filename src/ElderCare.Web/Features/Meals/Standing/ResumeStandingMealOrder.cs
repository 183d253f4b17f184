using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>Resumes a paused standing order; refused while another running one covers the same elder and meal.</summary>
public static class ResumeStandingMealOrder
{
    public static async Task<Outcome<StandingMealOrderResource>> Handle(Guid id, CurrentUser user, AppDbContext db, Audit.AuditLog audit,
        CancellationToken ct)
    {
        var found = await ListStandingMealOrders.FindAsync(id, user.Scope, db, ct);
        if (found is not var (order, name)) return Outcome<StandingMealOrderResource>.NotFound("未找到该长期订餐。");
        if (!order.Paused) return Outcome<StandingMealOrderResource>.Conflict("该长期订餐未暂停。");
        if (await db.StandingMealOrders.AnyAsync(s => s.Id != id && s.ElderId == order.ElderId && s.Meal == order.Meal && s.PausedOn == null, ct))
            return Outcome<StandingMealOrderResource>.Conflict($"{name}已有另一份进行中的{MealValidation.NameOf(order.Meal)}长期订餐。");
        order.PausedOn = null;
        order.PausedBy = null;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new Audit.AuditRecord(user.Id, user.UserName,
            "meal.standing-order.resume", $"standing-meal-order/{order.Id}", Audit.AuditOutcome.Success,
            user.Address,
            $"{name}：{MealValidation.NameOf(order.Meal)}，恢复"));
        return StandingMealOrderResource.From(order, name);
    }
}
