using System.Text.Json;
using ElderCare.Web.Infrastructure.Errors;

namespace ElderCare.Web.Infrastructure.Web;

/// <summary>Reads the kebab-case enum strings of the API (e.g. "street-center") from query strings and forms.</summary>
public static class EnumText
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
        {
            if (string.Equals(Of(v), text, StringComparison.Ordinal))
            {
                value = v;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>Parses an optional filter; an unknown value adds a field error listing the allowed values.</summary>
    public static T? Optional<T>(string? text, string field, FieldErrors errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (TryParse<T>(text.Trim(), out var v)) return v;
        errors.Add(field, $"取值无效，可选：{string.Join("、", Enum.GetValues<T>().Select(Of))}。");
        return null;
    }
}
