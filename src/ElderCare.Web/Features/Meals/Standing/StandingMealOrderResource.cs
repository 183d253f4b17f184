namespace ElderCare.Web.Features.Meals;

/// <summary>A standing order as the API and page show it.</summary>
public sealed record StandingMealOrderResource(Guid Id, Guid ElderId, string ElderName, Meal Meal, IReadOnlyList<int> Weekdays,
    string WeekdaysText, MealMode? Mode, Guid? DiningPointId, string? SetCode, DateOnly FromDate, bool Paused, DateOnly? PausedOn,
    string CreatedBy, DateTime CreatedAt)
{
    public static StandingMealOrderResource From(StandingMealOrder s, string elderName) => new(s.Id, s.ElderId, elderName, s.Meal,
        [.. s.Weekdays.Select(c => c - '0')], StandingMealOrders.NameOf(s.Weekdays), s.Mode, s.DiningPointId, s.SetCode, s.FromDate,
        s.Paused, s.PausedOn, s.CreatedBy, s.CreatedAt);
}
