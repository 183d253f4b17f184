using ElderCare.Web.Features.Shared;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>
/// Orders an elder's meal for a day: dine-in or delivery (the meal record's choice unless given), a set that suits the
/// elder's diet (the cheapest suitable one unless given), and the subsidy of the elder's group on that day.
/// </summary>
public static class RaiseMealOrder
{
    public sealed record Input(Guid? ElderId, DateOnly? Date, Meal? Meal, MealMode? Mode, Guid? DiningPointId, string? SetCode);

    public static async Task<Outcome<MealOrderResource>> Handle(Input input, CurrentUser user, AppDbContext db, MealOptions options,
        TimeProvider clock, CancellationToken ct)
    {
        var scope = user.Scope;
        if (input.ElderId is not { } elderId) return Outcome<MealOrderResource>.Invalid("elderId", "请选择老年人。");
        var elder = await db.MealEldersInScope(scope).AsNoTracking().FirstOrDefaultAsync(e => e.Id == elderId, ct);
        if (elder is null) return Outcome<MealOrderResource>.NotFound("未找到该老年人。");
        var profile = await db.MealProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.ElderId == elderId, ct);

        var errors = new FieldErrors();
        if (elder.Status != ElderStatus.Active) errors.Add("elderId", "该老年人已迁出或去世，不能订餐。");
        if (profile is null) errors.Add("elderId", "该老年人还没有助餐档案，请先登记饮食需要和助餐点。");
        if (input.Date is not { } date) errors.Add("date", "请填写就餐日期。");
        else if (date < clock.Today()) errors.Add("date", "不能为今天以前的日期订餐。");
        else if (profile?.IsSuspendedOn(date) == true)
            errors.Add("date", $"该老年人助餐自 {profile.SuspendedFrom:yyyy-MM-dd} 起暂停" + (profile.ResumesOn is { } back ? $"，{back:yyyy-MM-dd} 恢复。" : "。"));
        if (input.Meal is null) errors.Add("meal", "请选择午餐或晚餐。");

        DiningPoint? point = null;
        var pointId = input.DiningPointId ?? profile?.DiningPointId;
        if (pointId is { } pid)
        {
            // The elder's own dining point may be another operator's; one named in the order must be in scope.
            point = input.DiningPointId is null
                ? await db.DiningPoints.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct)
                : await db.DiningPoints.AsNoTracking().InScope(scope).FirstOrDefaultAsync(p => p.Id == pid, ct);
            errors.AddIf(point is null, "diningPointId", "所选助餐点不存在或不在您的管辖范围内。");
        }
        if (errors.Any) return Outcome<MealOrderResource>.Invalid(errors);

        var menu = await db.Menus.AsNoTracking().Include(m => m.Sets)
            .FirstOrDefaultAsync(m => m.KitchenId == point!.KitchenId && m.Date == input.Date && m.Meal == input.Meal, ct);
        if (menu is null || menu.Sets.Count == 0)
            return Outcome<MealOrderResource>.Invalid("meal",
                $"{point!.Name}所属厨房 {input.Date:yyyy-MM-dd} 的{MealValidation.NameOf(input.Meal!.Value)}还没有菜单。");

        var diets = profile!.Diets;
        MenuSet? set;
        if (FormValues.Trimmed(input.SetCode) is { } code)
        {
            set = menu.Sets.FirstOrDefault(s => s.Code == code);
            if (set is null)
            {
                var codes = string.Join("、", menu.Sets.Select(s => s.Code).Order());
                return Outcome<MealOrderResource>.Invalid("setCode", $"该餐菜单中没有套餐 {code}，可选：{codes}。");
            }
            var unmet = DietSuitability.Unmet(diets, set.Suits);
            if (unmet.Count > 0)
            {
                var suitable = menu.Sets.Where(s => DietSuitability.Suits(diets, s.Suits)).Select(s => $"{s.Code}（{s.Name}）").ToList();
                return Outcome<MealOrderResource>.Invalid("setCode", $"{set.Code}（{set.Name}）不适合该老年人的饮食需要：{DietSuitability.NamesOf(unmet)}。"
                    + (suitable.Count > 0 ? $"可选：{string.Join("、", suitable)}。" : "该餐没有合适的套餐，请联系厨房调整菜单。"));
            }
        }
        else
        {
            set = DietSuitability.Choose(diets, menu.Sets);
            if (set is null)
                return Outcome<MealOrderResource>.Invalid("setCode", $"该餐菜单中没有适合该老年人饮食需要（{DietSuitability.NamesOf(diets)}）的套餐，请联系厨房调整菜单。");
        }

        var earlier = await db.MealOrders.FirstOrDefaultAsync(o => o.ElderId == elderId && o.Date == input.Date && o.Meal == input.Meal, ct);
        if (earlier is { Status: not MealOrderStatus.Cancelled })
            return Outcome<MealOrderResource>.Conflict($"该老年人 {input.Date:yyyy-MM-dd} 的{MealValidation.NameOf(input.Meal!.Value)}已订过。");
        // One order per elder, day and meal: a cancelled one gives way to the new order (the audit log keeps the cancellation).
        if (earlier is not null) db.MealOrders.Remove(earlier);

        var rates = MealSubsidy.RatesOn(await db.MealSubsidyRates.AsNoTracking().ToListAsync(ct), input.Date!.Value);
        var facts = new MealSubsidyFacts(IdNumber.Age(elder.BirthDate, input.Date.Value), elder.Categories, elder.CurrentLevel);
        var rules = await PriorityRules.InForce(db, input.Date.Value, ct);
        var split = MealSubsidy.Split(set.PriceFen, MealSubsidy.GroupsOf(facts, elder.LivingArrangement, rules), rates);
        var kitchenFacility = await db.Kitchens.Where(k => k.Id == point!.KitchenId).Select(k => k.FacilityId).FirstOrDefaultAsync(ct);

        var order = new MealOrder
        {
            ElderId = elderId, Date = input.Date.Value, Meal = input.Meal!.Value, Mode = input.Mode ?? profile.Mode, DiningPointId = point!.Id,
            KitchenId = point.KitchenId, UnitCode = point.UnitCode, FacilityId = point.FacilityId, KitchenFacilityId = kitchenFacility,
            SetCode = set.Code, SetName = set.Name, Diets = [.. diets], PriceFen = set.PriceFen, SubsidyGroup = split.Group,
            SubsidyFen = split.SubsidyFen, OwnShareFen = split.OwnShareFen, Status = MealOrderStatus.Ordered, OrderedBy = user.UserName ?? "",
            CreatedAt = clock.UtcNow(),
        };
        db.MealOrders.Add(order);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome<MealOrderResource>.Conflict($"该老年人 {order.Date:yyyy-MM-dd} 的{MealValidation.NameOf(order.Meal)}刚被他人订过。");
        }
        return MealOrderResource.From(order, elder.Name, null, options);
    }
}
