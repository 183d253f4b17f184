namespace ElderCare.Web.Features.Meals;

/// <summary>The standing-order rules, pure: which days a standing order yields a meal order, and how weekdays read.</summary>
public static class StandingMealOrders
{
    /// <summary>ISO number of a weekday: Monday 1 … Sunday 7.</summary>
    public static int IsoDay(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;

    /// <summary>A standing order yields a meal order on a date when it is one of its weekdays, on or after its start, and it is not paused.</summary>
    public static bool Due(StandingMealOrder order, DateOnly date) =>
        !order.Paused && date >= order.FromDate && order.Weekdays.Contains((char)('0' + IsoDay(date.DayOfWeek)));

    /// <summary>Weekday numbers 1–7 as the stored digits, sorted, without repeats; null when none or one out of range.</summary>
    public static string? Digits(IEnumerable<int> days)
    {
        var list = days.Distinct().Order().ToList();
        if (list.Count == 0 || list.Any(d => d is < 1 or > 7)) return null;
        return string.Concat(list);
    }

    private static readonly string[] Names = ["一", "二", "三", "四", "五", "六", "日"];

    /// <summary>"周一至周五" for the working week, otherwise "周一、三、五".</summary>
    public static string NameOf(string weekdays) => weekdays == "12345" ? "周一至周五"
        : weekdays == "1234567" ? "每天"
        : "周" + string.Join("、", weekdays.Select(c => Names[c - '1']));
}
