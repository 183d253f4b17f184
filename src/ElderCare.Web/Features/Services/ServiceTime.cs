using System.Globalization;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Services;

/// <summary>Instants are stored in UTC; windows, months and weekly availability are read in China time.</summary>
public static class ServiceTime
{
    public static DateTime Local(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(ChinaClock.Offset);

    public static DateTime Utc(DateTime local) => DateTime.SpecifyKind(local - ChinaClock.Offset, DateTimeKind.Utc);

    /// <summary>
    /// The UTC bounds of the China calendar days <paramref name="from"/> to <paramref name="to"/> (both inclusive, as a
    /// list's date filter reads): the start of the first day, and the start of the day after the last; null where not given.
    /// </summary>
    public static (DateTime? Start, DateTime? End) Days(DateOnly? from, DateOnly? to) =>
        (from is { } f ? Utc(f.ToDateTime(TimeOnly.MinValue)) : null, to is { } t ? Utc(t.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null);

    /// <summary>yyyymm of the instant in China time.</summary>
    public static int Month(DateTime utc)
    {
        var l = Local(utc);
        return l.Year * 100 + l.Month;
    }

    public static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(Local(utc));

    public static int AddMonths(int yyyymm, int months)
    {
        var d = new DateOnly(yyyymm / 100, yyyymm % 100, 1).AddMonths(months);
        return d.Year * 100 + d.Month;
    }

    /// <summary>Reads "2026-11" as 202611.</summary>
    public static int? ParseMonth(string? text) =>
        DateOnly.TryParseExact((text ?? "").Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.Year * 100 + d.Month : null;

    public static string MonthText(int yyyymm) => $"{yyyymm / 100:0000}-{yyyymm % 100:00}";
}
