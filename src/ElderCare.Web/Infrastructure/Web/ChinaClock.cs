namespace ElderCare.Web.Infrastructure.Web;

public static class ChinaClock
{
    /// <summary>China Standard Time (UTC+8, no daylight saving): the calendar the district works in.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    public static DateTime UtcNow(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    /// <summary>Parses an optional YYYY-MM-DD query value, defaulting to today.</summary>
    public static DateOnly DateOrToday(this TimeProvider clock, string? text, string field, Errors.FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return clock.Today();
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var d)) return d;
        errors.Add(field, "日期格式应为 YYYY-MM-DD，例如 2022-12-31。");
        return clock.Today();
    }
}
