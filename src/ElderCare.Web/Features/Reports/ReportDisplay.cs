using System.Globalization;
using ElderCare.Web.Features.Shared;

namespace ElderCare.Web.Features.Reports;

/// <summary>How a value reads on the page, in the .docx and the .xlsx: ratios as percentages, fen as yuan, counts as numbers.</summary>
public static class ReportDisplay
{
    public const string NotApplicable = "不适用";

    public static string Value(IndicatorValue? v, string unit) => v?.Value is not { } x ? NotApplicable : Value(x, unit);

    public static string Value(decimal x, string unit) => unit switch
    {
        "ratio" => Percent(x),
        "fen" => Display.Yuan((long)x),
        _ => x.ToString("#,0", CultureInfo.InvariantCulture) + " " + unit,
    };

    public static string Percent(decimal? ratio) => ratio is { } r ? (r * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%" : NotApplicable;

    /// <summary>A ratio's parts, "12 / 14", or empty for a count.</summary>
    public static string Parts(IndicatorValue? v) => v is { Numerator: { } n, Denominator: { } d } ? $"{n:#,0} / {d:#,0}" : "";

    /// <summary>The number a spreadsheet cell holds: a ratio as is, fen as yuan, a count as is; null when not applicable.</summary>
    public static decimal? Cell(IndicatorValue? v, string unit) => v?.Value is not { } x ? null : unit == "fen" ? x / 100m : x;

    public static string UnitLabel(string unit) => unit switch { "ratio" => "%", "fen" => "元", _ => unit };

    public static string Act(string act) => act switch
    {
        "generate" => "生成",
        "submit" => "提交",
        "return" => "退回",
        "approve" => "审定并锁定",
        _ => act,
    };
}
