using System.Globalization;
using ElderCare.Web.Features.Facilities;

namespace ElderCare.Web.Features.Shared;

/// <summary>How numbers, dates and states read on the pages: "—" for unknown, badge colours for states.</summary>
public static class Display
{
    public const string Unknown = "—";

    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    public static string Number(int? n) => n?.ToString("#,0", Zh) ?? Unknown;

    public static string Number(double? n) => n?.ToString("#,0.##", Zh) ?? Unknown;

    public static string Percent(double? ratio) => ratio is { } r ? (r * 100).ToString("0.#", Zh) + "%" : Unknown;

    public static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Unknown;

    public static string Date(DateTime d) => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

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
        int.TryParse(request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : 1;
}

/// <summary>What the pager partial needs: where we are and how to link to another page of the same list.</summary>
public sealed record Pager(int Page, int PageCount, int Total, Func<int, string> UrlFor);
