using ElderCare.Web.Features.Shared;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>The district sets a meal-subsidy rate from a date, or corrects the one of that date (one per group and date).</summary>
public static class SaveMealSubsidyRate
{
    public sealed record Input(MealSubsidyGroup? Group, DateOnly? EffectiveFrom, long? PerMealFen, string? Source);

    public static async Task<Outcome<MealSubsidyRateResource>> Handle(Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        input = input with { Source = errors.Text(input.Source, "source", "依据", FreeText.LongName) };
        if (input.Group is null) errors.Add("group", "请选择补贴对象。");
        if (input.EffectiveFrom is null) errors.Add("effectiveFrom", "请填写执行日期。");
        if (input.PerMealFen is not { } fen) errors.Add("perMealFen", "请填写每餐补贴（分），例如 300 表示 3 元。");
        else errors.AddIf(fen is < 0 or > 100_000, "perMealFen", "每餐补贴应在 0 至 1000 元之间（以分为单位）。");
        var source = FormValues.Trimmed(input.Source) ?? Placeholders.EnteredBy(user.UserName);
        errors.AddIf(source.Length > 200, "source", "依据不能超过 200 个字。");
        if (errors.Any) return Outcome<MealSubsidyRateResource>.Invalid(errors);

        var rate = await db.MealSubsidyRates.FirstOrDefaultAsync(r => r.Group == input.Group && r.EffectiveFrom == input.EffectiveFrom, ct);
        if (rate is null)
            db.MealSubsidyRates.Add(rate = new MealSubsidyRate { Group = input.Group!.Value, EffectiveFrom = input.EffectiveFrom!.Value,
                Source = source });
        rate.PerMealFen = input.PerMealFen!.Value;
        rate.Source = source;
        // ADR 0023: a rate the district enters is its own figure, so confirmed.
        rate.ConfirmedAt = clock.GetUtcNow().UtcDateTime;
        rate.ConfirmedBy = user.UserName;
        await db.SaveChangesAsync(ct);
        return MealSubsidyRateResource.From(rate);
    }
}
