using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>
/// Registers a regular diner's standing order: an elder in scope with a meal record, lunch or dinner, the weekdays, a
/// start date not in the past; a dining point named must be in scope (ADR 19). One running standing order per elder and meal.
/// </summary>
public static class RegisterStandingMealOrder
{
    public sealed record Input(Guid? ElderId, Meal? Meal, int[]? Weekdays, MealMode? Mode, Guid? DiningPointId, string? SetCode, DateOnly? FromDate);

    public static async Task<Outcome<StandingMealOrderResource>> Handle(Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        Audit.AuditLog audit, CancellationToken ct)
    {
        var scope = user.Scope;
        if (input.ElderId is not { } elderId) return Outcome<StandingMealOrderResource>.Invalid("elderId", "请选择老年人。");
        var elder = await db.MealEldersInScope(scope).AsNoTracking().FirstOrDefaultAsync(e => e.Id == elderId, ct);
        if (elder is null) return Outcome<StandingMealOrderResource>.NotFound("未找到该老年人。");

        var errors = new FieldErrors();
        if (elder.Status != ElderStatus.Active) errors.Add("elderId", "该老年人已迁出或去世，不能订餐。");
        else if (!await db.MealProfiles.AnyAsync(p => p.ElderId == elderId, ct))
            errors.Add("elderId", "该老年人还没有助餐档案，请先登记饮食需要和助餐点。");
        if (input.Meal is null) errors.Add("meal", "请选择午餐或晚餐。");
        var days = StandingMealOrders.Digits(input.Weekdays ?? []);
        if (days is null) errors.Add("weekdays", "请至少选择一个星期几（1 为周一，7 为周日）。");
        if (input.FromDate is not { } from) errors.Add("fromDate", "请填写开始日期。");
        else if (from < clock.Today()) errors.Add("fromDate", "开始日期不能早于今天。");
        if (input.DiningPointId is { } pid && !await db.DiningPoints.InScope(scope).AnyAsync(p => p.Id == pid, ct))
            errors.Add("diningPointId", "所选助餐点不存在或不在您的管辖范围内。");
        var setCode = FormValues.Trimmed(input.SetCode);
        if (setCode is { Length: > 10 }) errors.Add("setCode", "套餐代码不能超过 10 个字符。");
        if (errors.Any) return Outcome<StandingMealOrderResource>.Invalid(errors);

        if (await db.StandingMealOrders.AnyAsync(s => s.ElderId == elderId && s.Meal == input.Meal && s.PausedOn == null, ct))
            return Outcome<StandingMealOrderResource>.Conflict(
                $"{elder.Name}已有进行中的{MealValidation.NameOf(input.Meal!.Value)}长期订餐，请先暂停原订单。");

        var order = new StandingMealOrder
        {
            ElderId = elderId, Meal = input.Meal!.Value, Weekdays = days!, Mode = input.Mode, DiningPointId = input.DiningPointId,
            SetCode = setCode, FromDate = input.FromDate!.Value, CreatedBy = user.UserName ?? "", CreatedAt = clock.UtcNow(),
        };
        db.StandingMealOrders.Add(order);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new Audit.AuditRecord(user.Id, user.UserName,
            "meal.standing-order.register", $"standing-meal-order/{order.Id}", Audit.AuditOutcome.Success,
            user.Address,
            $"{elder.Name}：{MealValidation.NameOf(order.Meal)}，星期 {string.Join("、", order.Weekdays)}，自 {order.FromDate:yyyy-MM-dd} 起"));
        return StandingMealOrderResource.From(order, elder.Name);
    }
}
