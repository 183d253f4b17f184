using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Elders;

/// <summary>A new version of one group's rule from a date (区民政局 only; the request is audited like every write).</summary>
public static class SavePriorityRule
{
    public sealed record Input(string? Name, DateOnly? EffectiveFrom, int? MinAge, int? MinLevel, int? MaxLevel,
        List<LivingArrangement>? LivingArrangements, List<ElderCategory>? Categories, bool? Active);

    public static async Task<Outcome<PriorityRuleResource>> Handle(
        string group, Input input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var g = EnumText.Optional<PriorityGroup>(group, "group", errors);
        if (g is null && !errors.Any) errors.Add("group", "请指定重点人群。");
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add("name", "请填写人群名称。");
        else if (name.Length > 40) errors.Add("name", "人群名称不能超过 40 个字。");
        if (input.EffectiveFrom is null) errors.Add("effectiveFrom", "请填写生效日期。");
        if (input.MinAge is < 60 or > 120) errors.Add("minAge", "年龄下限应在 60 至 120 周岁之间。");
        if (input.MinLevel is < 0 or > 4) errors.Add("minLevel", "能力等级应为 0 至 4 级。");
        if (input.MaxLevel is < 0 or > 4) errors.Add("maxLevel", "能力等级应为 0 至 4 级。");
        if (input.MinLevel is { } lo && input.MaxLevel is { } hi && lo > hi) errors.Add("maxLevel", "能力等级上限不能低于下限。");
        var living = input.LivingArrangements?.Distinct().ToList() ?? [];
        var categories = input.Categories?.Distinct().ToList() ?? [];
        if (input.Active != false && input.MinAge is null && input.MinLevel is null && input.MaxLevel is null
            && living.Count == 0 && categories.Count == 0)
            errors.Add("minAge", "请至少设定一个条件（年龄、能力等级、居住情况或类别），否则所有老年人都会列为重点。");
        if (errors.Any) return Outcome<PriorityRuleResource>.Invalid(errors);

        var from = input.EffectiveFrom!.Value;
        var rule = await db.PriorityRules.FirstOrDefaultAsync(r => r.Group == g && r.EffectiveFrom == from, ct);
        if (rule is null)
        {
            rule = new PriorityRule { Group = g!.Value, EffectiveFrom = from, Name = name!, Source = "区民政局调整" };
            db.PriorityRules.Add(rule);
        }
        rule.Name = name!;
        rule.MinAge = input.MinAge;
        rule.MinLevel = input.MinLevel;
        rule.MaxLevel = input.MaxLevel;
        rule.LivingArrangements = living;
        rule.Categories = categories;
        rule.Active = input.Active ?? true;
        rule.Source = "区民政局调整";
        rule.ChangedBy = user.UserName;
        rule.ChangedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return PriorityRuleResource.From(rule);
    }
}
