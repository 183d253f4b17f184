using System.Globalization;
using System.Text.RegularExpressions;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Reports;

/// <summary>
/// A calendar quarter (三、保障措施: "每季度向区领导小组报送推进落实情况"), written "2026Q3". Stock figures are taken as of its
/// last day, flows (visits, meals, alarms, complaints, payments) over its days; days are China days, instants UTC.
/// </summary>
public readonly partial record struct Quarter(int Year, int Number)
{
    public DateOnly Start => new(Year, 3 * Number - 2, 1);
    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    /// <summary>The first instant of the quarter (China midnight of its first day) in UTC.</summary>
    public DateTime StartUtc => Utc(Start);

    /// <summary>The first instant after the quarter (China midnight of the next quarter's first day) in UTC.</summary>
    public DateTime EndUtc => Utc(End.AddDays(1));

    public string Code => $"{Year}Q{Number}";
    public string Label => $"{Year}年第{Number}季度";

    /// <summary>Whether the quarter is over on a China day (its report can be submitted from the next day).</summary>
    public bool EndedBy(DateOnly today) => today > End;

    public static Quarter Of(DateOnly day) => new(day.Year, (day.Month + 2) / 3);

    /// <summary>The last quarter that has ended on a China day.</summary>
    public static Quarter LastEnded(DateOnly today) => Of(Of(today).Start.AddDays(-1));

    public static Quarter? TryParse(string? text)
    {
        var m = Pattern().Match(text?.Trim() ?? "");
        if (!m.Success) return null;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var number = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        return year is >= 2019 and <= 2100 ? new Quarter(year, number) : null;
    }

    /// <summary>The quarter of a query or body field, or a Chinese field error naming it.</summary>
    public static Quarter? Parse(string? text, string field, FieldErrors errors, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.AddIf(required, field, "请填写季度，格式如 2026Q3。");
            return null;
        }
        var q = TryParse(text);
        errors.AddIf(q is null, field, "季度格式不正确，应为“年份Q季度”，如 2026Q3（2019 年起）。");
        return q;
    }

    private static DateTime Utc(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - ChinaClock.Offset, DateTimeKind.Utc);

    [GeneratedRegex("^(\\d{4})[Qq]([1-4])$")]
    private static partial Regex Pattern();
}
