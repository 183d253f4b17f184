using ElderCare.Web.Features.Meals;

namespace ElderCare.Tests.Meals;

/// <summary>Standing meal orders: "weekdays, until paused".</summary>
public class StandingMealOrderRulesTests
{
    private static StandingMealOrder Weekdays(string from = "2026-11-30", DateOnly? pausedOn = null) => new()
    {
        ElderId = Guid.NewGuid(), Meal = Meal.Lunch, Weekdays = "12345", FromDate = DateOnly.Parse(from), PausedOn = pausedOn,
        CreatedBy = "test",
    };

    [Theory]
    [InlineData("2026-11-30", true)]  // Monday
    [InlineData("2026-12-04", true)]  // Friday
    [InlineData("2026-12-05", false)] // Saturday
    [InlineData("2026-12-06", false)] // Sunday
    [InlineData("2026-11-27", false)] // a Friday before the start
    public void 长期订餐在所选星期几且不早于开始日期时生成订餐(string date, bool due) =>
        Assert.Equal(due, StandingMealOrders.Due(Weekdays(), DateOnly.Parse(date)));

    [Fact]
    public void 暂停的长期订餐不再生成订餐() =>
        Assert.False(StandingMealOrders.Due(Weekdays(pausedOn: new DateOnly(2026, 12, 1)), new DateOnly(2026, 12, 2)));

    [Fact]
    public void 星期几按ISO编号_周一为1周日为7()
    {
        Assert.Equal(7, StandingMealOrders.IsoDay(DayOfWeek.Sunday));
        Assert.Equal(1, StandingMealOrders.IsoDay(DayOfWeek.Monday));
        Assert.Equal("135", StandingMealOrders.Digits([5, 1, 3, 3]));
        Assert.Null(StandingMealOrders.Digits([]));
        Assert.Null(StandingMealOrders.Digits([0, 1]));
        Assert.Null(StandingMealOrders.Digits([8]));
        Assert.Equal("周一至周五", StandingMealOrders.NameOf("12345"));
        Assert.Equal("周一、三、五", StandingMealOrders.NameOf("135"));
    }
}
