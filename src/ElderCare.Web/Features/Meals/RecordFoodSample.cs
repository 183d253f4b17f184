using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Meals;

/// <summary>PRACTICE.md: a sample of a batch is taken after cooking and kept at least 48 h (the retention is configuration).</summary>
public static class RecordFoodSample
{
    public sealed record Input(DateTimeOffset? TakenAt, DateTimeOffset? KeptUntil);

    public static async Task<Outcome<FoodBatchResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db,
        MealOptions options, TimeProvider clock, CancellationToken ct)
    {
        var (batch, kitchenName) = await RecordFoodBatch.Find(id, user.Scope, db, ct);
        if (batch is null) return Outcome<FoodBatchResource>.NotFound("未找到该批次。");
        if (batch.SampleTakenAt is not null) return Outcome<FoodBatchResource>.Conflict("该批次已登记留样。");
        var errors = new FieldErrors();
        RecordFoodBatch.CheckSample(input.TakenAt, input.KeptUntil, batch.CookedAt, clock.UtcNow(), options, errors, "takenAt", "keptUntil");
        if (errors.Any) return Outcome<FoodBatchResource>.Invalid(errors);
        batch.SampleTakenAt = input.TakenAt!.Value.UtcDateTime;
        batch.SampleKeptUntil = input.KeptUntil?.UtcDateTime ?? batch.SampleTakenAt + options.SampleRetention;
        await db.SaveChangesAsync(ct);
        return FoodBatchResource.From(batch, kitchenName!, options);
    }
}
