using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Meals;

/// <summary>
/// The disposal of a batch's sample: not before it was taken, not in the future; one disposed of before the retention
/// is recorded as it happened and reads short (PRACTICE.md: 48 h).
/// </summary>
public static class RecordSampleDisposal
{
    public sealed record Input(DateTimeOffset? At);

    public static async Task<Outcome<FoodBatchResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db,
        MealOptions options, TimeProvider clock, CancellationToken ct)
    {
        var (batch, kitchenName) = await RecordFoodBatch.Find(id, user.Scope, db, ct);
        if (batch is null) return Outcome<FoodBatchResource>.NotFound("未找到该批次。");
        if (batch.SampleTakenAt is null) return Outcome<FoodBatchResource>.Conflict("该批次没有留样，无法登记处置。");
        if (batch.SampleDisposedAt is not null) return Outcome<FoodBatchResource>.Conflict("该批次的留样已登记处置。");
        var now = clock.UtcNow();
        var at = input.At?.UtcDateTime ?? now;
        var errors = new FieldErrors();
        errors.AddIf(at > now + RecordFoodBatch.Skew, "at", "处置时间不能晚于现在。");
        errors.AddIf(at < batch.SampleTakenAt, "at", "处置时间不能早于留样时间。");
        if (errors.Any) return Outcome<FoodBatchResource>.Invalid(errors);
        batch.SampleDisposedAt = at;
        await db.SaveChangesAsync(ct);
        return FoodBatchResource.From(batch, kitchenName!, options);
    }
}
