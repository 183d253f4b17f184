namespace ElderCare.Web.Features.Meals;

/// <summary>Where a batch's food sample stands: none taken, kept (not yet disposed), disposed too early, or done.</summary>
public enum SampleState { Missing, Kept, Short, Done }

/// <summary>Pure food-safety rules; the limits come in as arguments.</summary>
public static class FoodSafety
{
    /// <summary>PRACTICE.md: food is eaten within 2 h of cooking, otherwise reheated — more than the limit is flagged.</summary>
    public static bool TooLongAfterCooking(DateTime cookedAt, DateTime eatenAt, TimeSpan limit) => eatenAt - cookedAt > limit;

    /// <summary>The batch a meal came from: the latest one of its set (or of all sets) cooked before it was eaten.</summary>
    public static FoodBatch? BatchFor(IEnumerable<FoodBatch> batches, string setCode, DateTime eatenAt) =>
        batches.Where(b => (b.SetCode is null || b.SetCode == setCode) && b.CookedAt <= eatenAt).MaxBy(b => b.CookedAt);

    /// <summary>PRACTICE.md: samples are kept 48 h; disposing of one earlier makes the retention short.</summary>
    public static SampleState Retention(FoodBatch batch, TimeSpan retention)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.SampleTakenAt is not { } taken) return SampleState.Missing;
        if (batch.SampleKeptUntil is { } until && until - taken < retention) return SampleState.Short;
        if (batch.SampleDisposedAt is not { } disposed) return SampleState.Kept;
        return disposed - taken < retention ? SampleState.Short : SampleState.Done;
    }

    public static string NameOf(SampleState s) => s switch
    {
        SampleState.Missing => "未留样",
        SampleState.Kept => "留样中",
        SampleState.Short => "留样不足48小时",
        SampleState.Done => "已按时处置",
        _ => s.ToString(),
    };
}
