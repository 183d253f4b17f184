using System.Globalization;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ElderCare.Web.Features.Shared;

/// <summary>
/// Pages bind form fields as text and parse them here, so a bad value is kept as typed and gets a Chinese message
/// under the same camelCase key the use case reports (the framework's binder would answer in English).
/// </summary>
public static class FormValues
{
    public static void AddFieldErrors(this ModelStateDictionary state, FieldErrors errors)
    {
        foreach (var (field, messages) in errors.Entries)
            foreach (var message in messages)
                state.AddModelError(field, message);
    }

    /// <summary>Copies the use case's errors, leaving out fields that already have a parse error.</summary>
    public static void MergeInto(this FieldErrors from, FieldErrors into)
    {
        var taken = into.Entries.Select(e => e.Key).ToHashSet();
        foreach (var (field, messages) in from.Entries.Where(e => !taken.Contains(e.Key)).ToList())
            foreach (var message in messages)
                into.Add(field, message);
    }

    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static int? Int(string? text, string field, FieldErrors errors)
    {
        if (Trimmed(text) is not { } t) return null;
        if (int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
        errors.Add(field, "请填写整数，例如 20。");
        return null;
    }

    public static double? Double(string? text, string field, FieldErrors errors, string example = "1500")
    {
        if (Trimmed(text) is not { } t) return null;
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)) return d;
        errors.Add(field, $"请填写数字，例如 {example}。");
        return null;
    }

    /// <summary>
    /// A decimal with at most <paramref name="decimals"/> places, scaled to an integer (元 → 分 with 2, a factor → ‰
    /// with 3); money is never floating point. Empty is null; anything else is a field error with the example.
    /// </summary>
    public static long? Scaled(string? text, int decimals, string field, FieldErrors errors, string example)
    {
        if (Trimmed(text) is not { } t) return null;
        var scale = decimals == 3 ? 1000m : 100m;
        if (decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) < 1_000_000_000_000m
            && value * scale == decimal.Truncate(value * scale))
            return (long)(value * scale);
        errors.Add(field, $"请填写数字，最多{(decimals == 3 ? "三" : "两")}位小数，例如 {example}。");
        return null;
    }

    public static DateOnly? Date(string? text, string field, FieldErrors errors)
    {
        if (Trimmed(text) is not { } t) return null;
        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add(field, "日期格式应为 YYYY-MM-DD，例如 2020-06-01。");
        return null;
    }

    public static Guid? Id(string? text, string field, FieldErrors errors)
    {
        if (Trimmed(text) is not { } t) return null;
        if (Guid.TryParse(t, out var id)) return id;
        errors.Add(field, "请从列表中选择。");
        return null;
    }

    /// <summary>A kebab-case choice ("street-center"); empty is null, so the use case reports a missing value itself.</summary>
    public static T? Choice<T>(string? text, string field, FieldErrors errors) where T : struct, Enum
    {
        if (Trimmed(text) is not { } t) return null;
        if (EnumText.TryParse<T>(t, out var v)) return v;
        errors.Add(field, "请从列表中选择。");
        return null;
    }

    public static string Text(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";

    public static string Text(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Text(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
