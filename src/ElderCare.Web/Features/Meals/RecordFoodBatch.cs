using ElderCare.Web.Features.Shared;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>
/// Food-safety records of a kitchen: a batch's cooking time (the 2 h rule counts from it), its food sample, and the
/// sample's disposal. Facts are recorded as they happened; an early disposal is kept and shown as short, not refused.
/// </summary>
public static class RecordFoodBatch
{
    public sealed record Input(Guid? KitchenId, DateOnly? Date, Meal? Meal, string? SetCode, DateTimeOffset? CookedAt,
        DateTimeOffset? SampleTakenAt, DateTimeOffset? SampleKeptUntil);

    /// <summary>How far ahead of the server clock a device's time may run (clock drift), for every time of a batch.</summary>
    internal static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    public static async Task<Outcome<FoodBatchResource>> Handle(Input input, CurrentUser user, AppDbContext db, MealOptions options,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        input = input with { SetCode = errors.Text(input.SetCode, "setCode", "套餐代号", 10) };
        var now = clock.UtcNow();
        string? kitchenName = null;
        if (input.KitchenId is not { } kid) errors.Add("kitchenId", "请选择中央厨房。");
        else
        {
            kitchenName = await db.Kitchens.InScope(user.Scope).Where(k => k.Id == kid).Select(k => k.Name).FirstOrDefaultAsync(ct);
            errors.AddIf(kitchenName is null, "kitchenId", "所选中央厨房不存在或不在您的管辖范围内。");
        }
        if (input.Date is null) errors.Add("date", "请填写日期。");
        if (input.Meal is null) errors.Add("meal", "请选择午餐或晚餐。");
        errors.AddIf(FormValues.Trimmed(input.SetCode)?.Length > 10, "setCode", "套餐代号不能超过 10 个字符。");
        if (input.CookedAt is not { } cooked) errors.Add("cookedAt", "请填写出锅时间。");
        else
        {
            errors.AddIf(cooked.UtcDateTime > now + Skew, "cookedAt", "出锅时间不能晚于现在。");
            errors.AddIf(input.Date is { } d && DateOnly.FromDateTime(cooked.UtcDateTime.Add(ChinaClock.Offset)) != d, "cookedAt", "出锅时间应在供餐当天。");
        }
        if (input.SampleTakenAt is not null || input.SampleKeptUntil is not null)
            CheckSample(input.SampleTakenAt, input.SampleKeptUntil, input.CookedAt?.UtcDateTime, now, options, errors, "sampleTakenAt",
                "sampleKeptUntil");
        if (errors.Any) return Outcome<FoodBatchResource>.Invalid(errors);

        var batch = new FoodBatch
        {
            KitchenId = input.KitchenId!.Value, Date = input.Date!.Value, Meal = input.Meal!.Value, SetCode = FormValues.Trimmed(input.SetCode),
            CookedAt = input.CookedAt!.Value.UtcDateTime, RecordedBy = user.UserName ?? "", CreatedAt = now,
        };
        if (input.SampleTakenAt is { } taken)
        {
            batch.SampleTakenAt = taken.UtcDateTime;
            batch.SampleKeptUntil = input.SampleKeptUntil?.UtcDateTime ?? taken.UtcDateTime + options.SampleRetention;
        }
        db.FoodBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        return FoodBatchResource.From(batch, kitchenName!, options);
    }

    /// <summary>A batch of a kitchen in scope (to record its sample or the sample's disposal), with the kitchen's name.</summary>
    internal static async Task<(FoodBatch? Batch, string? KitchenName)> Find(Guid id, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var batch = await db.FoodBatches.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null) return (null, null);
        var name = await db.Kitchens.InScope(scope).Where(k => k.Id == batch.KitchenId).Select(k => k.Name).FirstOrDefaultAsync(ct);
        return name is null ? (null, null) : (batch, name);
    }

    /// <summary>A sample is taken after cooking, not in the future, and planned to be kept at least the retention time.</summary>
    internal static void CheckSample(DateTimeOffset? taken, DateTimeOffset? keptUntil, DateTime? cookedAt, DateTime now, MealOptions options,
        FieldErrors errors, string takenField, string untilField)
    {
        if (taken is not { } t)
        {
            errors.Add(takenField, "请填写留样时间。");
            return;
        }
        errors.AddIf(t.UtcDateTime > now + Skew, takenField, "留样时间不能晚于现在。");
        errors.AddIf(cookedAt is { } c && t.UtcDateTime < c, takenField, "留样时间不能早于出锅时间。");
        if (keptUntil is { } until && until - t < options.SampleRetention)
            errors.Add(untilField,
                $"留样应保存不少于 {options.SampleRetentionHours:0.#} 小时（至 {Display.ChinaTime(t + options.SampleRetention)} 以后）。");
    }
}
