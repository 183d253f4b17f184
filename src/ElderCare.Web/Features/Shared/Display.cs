using System.Globalization;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Shared;

/// <summary>How numbers, dates and states read on the pages: "—" for unknown, badge colours for states.</summary>
public static class Display
{
    public const string Unknown = "—";

    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    public static string Number(int? n) => n?.ToString("#,0", Zh) ?? Unknown;

    public static string Number(double? n) => n?.ToString("#,0.##", Zh) ?? Unknown;

    /// <summary>A duration as minutes:seconds (12.5 min → "12:30"), rounded to the second: "12.5 分钟" reads as 12 min 5 s.</summary>
    public static string MinutesSeconds(double? minutes)
    {
        if (minutes is not { } m || double.IsNaN(m)) return Unknown;
        var seconds = (long)Math.Round(m * 60, MidpointRounding.AwayFromZero);
        return $"{seconds / 60}:{seconds % 60:00}";
    }

    public static string Percent(double? ratio) => ratio is { } r ? (r * 100).ToString("0.#", Zh) + "%" : Unknown;

    public static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Unknown;

    public static string Date(DateTime d) => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A stored UTC instant as China time, "2026-11-29 10:30" (or with seconds), "—" when unknown.</summary>
    public static string ChinaTime(DateTime? utc, bool seconds = false) =>
        utc is { } t ? (t + ChinaClock.Offset).ToString(seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : Unknown;

    /// <summary>An instant as China time, "2026-11-29 10:30".</summary>
    public static string ChinaTime(DateTimeOffset at) => at.ToOffset(ChinaClock.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The China-time clock reading of a stored UTC instant, "10:30".</summary>
    public static string ChinaClockTime(DateTime? utc) =>
        utc is { } t ? (t + ChinaClock.Offset).ToString("HH:mm", CultureInfo.InvariantCulture) : Unknown;

    /// <summary>Money is stored in fen (分) and shown in yuan with two decimals: 1200 → "12.00 元".</summary>
    public static string Yuan(long fen) => YuanAmount(fen) + " 元";

    /// <summary>The yuan figure alone, for tables whose header says 元: 1200 → "12.00".</summary>
    public static string YuanAmount(long fen) => (fen / 100m).ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>Green for running, blue for building, amber for suspended, grey for planned or closed.</summary>
    public static string Tone(FacilityStatus s) => s switch
    {
        FacilityStatus.Operating => "green",
        FacilityStatus.UnderConstruction => "blue",
        FacilityStatus.Suspended => "amber",
        FacilityStatus.Closed => "red",
        _ => "grey",
    };
}

public static class Paging
{
    /// <summary>
    /// The <c>?page=</c> of a list, as the API names it. Read from the query because Razor Pages keep "page" as a
    /// route value (the page's own path), which model binding would find first.
    /// </summary>
    public static int PageNumber(HttpRequest request) =>
        int.TryParse(request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && n >= 1 ? n : 1;
}

/// <summary>What the pager partial needs: where we are and how to link to another page of the same list.</summary>
public sealed record Pager(int Page, int PageCount, int Total, Func<int, string> UrlFor);
