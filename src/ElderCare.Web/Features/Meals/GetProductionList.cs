using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

public sealed record ProductionSetCount(string Code, string Name, long PriceFen, int Count);

public sealed record ProductionDietCount(DietNeed Diet, string Name, int Count);

/// <summary>Per set and diet (e.g. A套餐 × 低盐), so the cooks portion special diets of each set.</summary>
public sealed record ProductionSetDietCount(string Code, string Diets, int Count);

/// <summary>Per dining point (a delivery round starts there): dine-in and delivery counts (kitchen counts per route).</summary>
public sealed record ProductionPointCount(Guid DiningPointId, string Name, int DineIn, int Delivery);

public sealed record ProductionList(Guid KitchenId, string KitchenName, DateOnly Date, Meal Meal, int Total, int NoSpecialDiet,
    IReadOnlyList<ProductionSetCount> Sets, IReadOnlyList<ProductionDietCount> Diets, IReadOnlyList<ProductionSetDietCount> SetDiets,
    IReadOnlyList<ProductionPointCount> DiningPoints);

/// <summary>The kitchen's production list of a morning: how many of each set, for each diet need, for each dining point.</summary>
public static class GetProductionList
{
    public static async Task<Outcome<ProductionList>> Handle(Guid kitchenId, DateOnly date, Meal meal, DataScope scope, AppDbContext db,
        CancellationToken ct)
    {
        var kitchen = await db.Kitchens.AsNoTracking().InScope(scope).FirstOrDefaultAsync(k => k.Id == kitchenId, ct);
        if (kitchen is null) return Outcome<ProductionList>.NotFound("未找到该中央厨房。");
        var orders = await db.MealOrders.AsNoTracking().Where(o => o.KitchenId == kitchenId && o.Date == date && o.Meal == meal
            && o.Status != MealOrderStatus.Cancelled).ToListAsync(ct);
        var menu = await db.Menus.AsNoTracking().Include(m => m.Sets).FirstOrDefaultAsync(m => m.KitchenId == kitchenId && m.Date == date
            && m.Meal == meal, ct);
        var pointIds = orders.Select(o => o.DiningPointId).Distinct().ToList();
        var points = await db.DiningPoints.AsNoTracking().Where(p => pointIds.Contains(p.Id) || p.KitchenId == kitchenId)
            .Select(p => new { p.Id, p.Name }).ToListAsync(ct);

        var sets = (menu?.Sets ?? []).Select(s => (s.Code, s.Name, s.PriceFen))
            .Concat(orders.Select(o => (Code: o.SetCode, Name: o.SetName, o.PriceFen))).DistinctBy(s => s.Code)
            .OrderBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => new ProductionSetCount(s.Code, s.Name, s.PriceFen, orders.Count(o => o.SetCode == s.Code))).ToList();
        var diets = Enum.GetValues<DietNeed>().Select(d => new ProductionDietCount(d, DietSuitability.NameOf(d),
            orders.Count(o => o.Diets.Contains(d)))).ToList();
        var setDiets = orders.GroupBy(o => (o.SetCode, Diets: DietSuitability.NamesOf(o.Diets)))
            .Select(g => new ProductionSetDietCount(g.Key.SetCode, g.Key.Diets.Length == 0 ? "普通" : g.Key.Diets, g.Count()))
            .OrderBy(x => x.Code, StringComparer.Ordinal).ThenBy(x => x.Diets, StringComparer.Ordinal).ToList();
        var byPoint = points.OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new ProductionPointCount(p.Id, p.Name, orders.Count(o => o.DiningPointId == p.Id && o.Mode == MealMode.DineIn),
                orders.Count(o => o.DiningPointId == p.Id && o.Mode == MealMode.Delivery))).ToList();
        return new ProductionList(kitchen.Id, kitchen.Name, date, meal, orders.Count, orders.Count(o => o.Diets.Count == 0), sets, diets, setDiets,
            byPoint);
    }

    public static byte[] Excel(ProductionList list)
    {
        var title = $"{list.KitchenName} {list.Date:yyyy-MM-dd} {MealValidation.NameOf(list.Meal)}";
        var sheets = new Dictionary<string, object>
        {
            ["套餐"] = list.Sets.Select(s => new Dictionary<string, object?>
            {
                ["厨房与餐次"] = title, ["套餐"] = s.Code, ["名称"] = s.Name, ["单价（元）"] = Shared.Display.YuanAmount(s.PriceFen), ["份数"] = s.Count,
            }).Append(new Dictionary<string, object?>
            {
                ["厨房与餐次"] = title, ["套餐"] = "合计", ["名称"] = null, ["单价（元）"] = null, ["份数"] = list.Total,
            }).ToList(),
            ["饮食需要"] = list.SetDiets.Select(s => new Dictionary<string, object?> { ["套餐"] = s.Code, ["饮食需要"] = s.Diets, ["份数"] = s.Count })
                .Concat(list.Diets.Select(d => new Dictionary<string, object?> { ["套餐"] = "全部", ["饮食需要"] = d.Name, ["份数"] = d.Count })).ToList(),
            ["助餐点"] = list.DiningPoints.Select(p => new Dictionary<string, object?>
            {
                ["助餐点"] = p.Name, ["堂食"] = p.DineIn, ["送餐"] = p.Delivery, ["合计"] = p.DineIn + p.Delivery,
            }).ToList(),
        };
        return SpreadsheetWriter.Xlsx(sheets);
    }
}
