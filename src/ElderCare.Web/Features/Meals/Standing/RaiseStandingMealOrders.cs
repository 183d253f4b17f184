using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>What generating a day's orders did: how many were created, and each standing order skipped with the reason.</summary>
public sealed record StandingRaiseResult(DateOnly Date, int Created, int Skipped, IReadOnlyList<StandingRaiseSkip> Skips);

public sealed record StandingRaiseSkip(Guid StandingOrderId, string ElderName, Meal Meal, string Reason);

/// <summary>
/// Generates a day's meal orders from the running standing orders in scope that are due that day
/// (<see cref="StandingMealOrders.Due"/>), each through <see cref="RaiseMealOrder"/> (diet, menu, subsidy, scope). Idempotent:
/// an elder who already has an order for that day and meal (also a cancelled one: the cancellation stands) is skipped.
/// </summary>
public static class RaiseStandingMealOrders
{
    public static async Task<Outcome<StandingRaiseResult>> Handle(DateOnly? date, CurrentUser user, AppDbContext db, MealOptions options,
        TimeProvider clock, CancellationToken ct)
    {
        if (date is not { } day) return Outcome<StandingRaiseResult>.Invalid("date", "请填写要生成订餐的日期。");
        if (day < clock.Today()) return Outcome<StandingRaiseResult>.Invalid("date", "不能为今天以前的日期生成订餐。");

        var standing = await ListStandingMealOrders.InScope(user.Scope, db).Where(x => x.Order.PausedOn == null && x.Order.FromDate <= day)
            .ToListAsync(ct);
        var due = standing.Where(x => StandingMealOrders.Due(x.Order, day)).OrderBy(x => x.Name, StringComparer.Ordinal).ToList();
        var elderIds = due.Select(x => x.Order.ElderId).Distinct().ToList();
        var existing = (await db.MealOrders.AsNoTracking().Where(o => o.Date == day && elderIds.Contains(o.ElderId))
            .Select(o => new { o.ElderId, o.Meal, o.Status }).ToListAsync(ct)).ToList();

        var created = 0;
        var skips = new List<StandingRaiseSkip>();
        foreach (var x in due)
        {
            var s = x.Order;
            var earlier = existing.FirstOrDefault(o => o.ElderId == s.ElderId && o.Meal == s.Meal);
            if (earlier is not null)
            {
                skips.Add(new(s.Id, x.Name, s.Meal, earlier.Status == MealOrderStatus.Cancelled ? "当日订餐已取消，不再生成。" : "当日已有订餐。"));
                continue;
            }
            var input = new RaiseMealOrder.Input(s.ElderId, day, s.Meal, s.Mode, s.DiningPointId, s.SetCode);
            var outcome = await RaiseMealOrder.Handle(input, user, db, options, clock, ct);
            if (outcome.IsOk) created++;
            else skips.Add(new(s.Id, x.Name, s.Meal, outcome.Errors is { } errors
                ? string.Join(" ", errors.Entries.SelectMany(e => e.Value)) : outcome.Message ?? "未能订餐。"));
        }
        return new StandingRaiseResult(day, created, skips.Count, skips);
    }
}
