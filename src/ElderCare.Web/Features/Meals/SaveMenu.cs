using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>Sets a kitchen's menu for a day and meal (creates it, or replaces it while no meal is ordered from it).</summary>
public static class SaveMenu
{
    public sealed record SetInput(string? Code, string? Name, long? PriceFen, List<string>? Dishes, List<DietNeed>? Suits);

    public sealed record Input(Guid? KitchenId, DateOnly? Date, Meal? Meal, List<SetInput>? Sets);

    public const int MaxSets = 10;

    public static async Task<Outcome<MenuResource>> Handle(Input input, DataScope scope, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        input = input with
        {
            Sets = input.Sets?.Select((s, i) => s is null ? s! : s with
            {
                Name = errors.Text(s.Name, $"sets[{i}].name", "套餐名称", 50), Dishes = errors.Texts(s.Dishes, $"sets[{i}].dishes", "菜品", 30),
            }).ToList(),
        };
        if (input.KitchenId is not { } kitchenId) errors.Add("kitchenId", "请选择中央厨房。");
        else errors.AddIf(!await db.Kitchens.InScope(scope).AnyAsync(k => k.Id == kitchenId, ct), "kitchenId", "所选中央厨房不存在或不在您的管辖范围内。");
        if (input.Date is null) errors.Add("date", "请填写日期。");
        else errors.AddIf(input.Date < clock.Today(), "date", "不能设置今天以前的菜单。");
        if (input.Meal is null) errors.Add("meal", "请选择午餐或晚餐。");
        var sets = input.Sets ?? [];
        if (sets.Count == 0) errors.Add("sets", "请至少设置一个套餐。");
        errors.AddIf(sets.Count > MaxSets, "sets", $"套餐最多 {MaxSets} 个。");
        for (var i = 0; i < sets.Count; i++)
        {
            var s = sets[i];
            var code = s.Code?.Trim() ?? "";
            if (code.Length == 0) errors.Add($"sets[{i}].code", "请填写套餐代号，例如 A。");
            else errors.AddIf(code.Length > 10, $"sets[{i}].code", "套餐代号不能超过 10 个字符。");
            if (sets.Take(i).Any(o => string.Equals(o.Code?.Trim(), code, StringComparison.Ordinal)) && code.Length > 0)
                errors.Add($"sets[{i}].code", $"套餐代号 {code} 重复。");
            if (string.IsNullOrWhiteSpace(s.Name)) errors.Add($"sets[{i}].name", "请填写套餐名称。");
            else errors.AddIf(s.Name.Trim().Length > 50, $"sets[{i}].name", "套餐名称不能超过 50 个字。");
            if (s.PriceFen is not { } price) errors.Add($"sets[{i}].priceFen", "请填写套餐价格（分），例如 1100 表示 11 元。");
            else errors.AddIf(price is <= 0 or > 100_000, $"sets[{i}].priceFen", "套餐价格应在 0.01 至 1000 元之间（以分为单位）。");
            var dishes = s.Dishes?.Where(d => !string.IsNullOrWhiteSpace(d)).ToList() ?? [];
            if (dishes.Count == 0) errors.Add($"sets[{i}].dishes", "请至少填写一道菜。");
            errors.AddIf(dishes.Count > 12 || dishes.Any(d => d.Trim().Length > 30), $"sets[{i}].dishes", "菜品最多 12 道，每道不超过 30 个字。");
        }
        if (errors.Any) return Outcome<MenuResource>.Invalid(errors);

        var existing = await db.Menus.Include(m => m.Sets)
            .FirstOrDefaultAsync(m => m.KitchenId == input.KitchenId && m.Date == input.Date && m.Meal == input.Meal, ct);
        if (existing is not null)
        {
            if (await db.MealOrders.AnyAsync(o => o.KitchenId == existing.KitchenId && o.Date == existing.Date && o.Meal == existing.Meal
                                                   && o.Status != MealOrderStatus.Cancelled, ct))
                return Outcome<MenuResource>.Conflict("该餐已有老人订餐，菜单不能再修改。");
            db.Menus.Remove(existing);
            await db.SaveChangesAsync(ct);
        }
        var menu = new Menu { KitchenId = input.KitchenId!.Value, Date = input.Date!.Value, Meal = input.Meal!.Value, UpdatedAt = clock.UtcNow() };
        foreach (var s in sets)
        {
            menu.Sets.Add(new MenuSet
            {
                MenuId = menu.Id, Code = s.Code!.Trim(), Name = s.Name!.Trim(), PriceFen = s.PriceFen!.Value,
                Dishes = s.Dishes!.Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim()).ToList(),
                Suits = s.Suits?.Distinct().Order().ToList() ?? [],
            });
        }
        db.Menus.Add(menu);
        await db.SaveChangesAsync(ct);
        return MenuResource.From(menu);
    }
}
