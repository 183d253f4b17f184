using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ElderCare.Web.Infrastructure.Errors;

/// <summary>
/// What a JSON body's field that failed to read should have held (ADR 25: from the type information, never from the
/// serializer's English message): the field's CLR type is found by walking the body type's <see cref="JsonTypeInfo"/>
/// along the <see cref="JsonException.Path"/>, and the message names what the field accepts — for an enum every value.
/// </summary>
public static class JsonFields
{
    /// <summary>The type of the value at "$.beds.total" or "$.zones[2]" in a body of <paramref name="body"/>; null when unknown.</summary>
    public static Type? TypeAt(Type body, string? path, JsonSerializerOptions options)
    {
        if (string.IsNullOrEmpty(path) || !path.StartsWith('$')) return null;
        if (options.TypeInfoResolver is null) options = new JsonSerializerOptions(options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        try
        {
            return Walk(body, path, options);
        }
        catch (NotSupportedException)
        {
            return null; // a type the serializer cannot describe: the generic message, never a 500 from the error path
        }
    }

    private static Type? Walk(Type body, string path, JsonSerializerOptions options)
    {
        Type? type = body;
        foreach (var token in Tokens(path[1..]))
        {
            if (type is null) return null;
            var info = options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
            type = token is null
                ? info.ElementType
                : info.Kind == JsonTypeInfoKind.Dictionary ? info.ElementType
                : info.Properties.FirstOrDefault(p => string.Equals(p.Name, token, StringComparison.OrdinalIgnoreCase))?.PropertyType;
        }
        if (type is null) return null;
        type = Nullable.GetUnderlyingType(type) ?? type;
        var last = options.GetTypeInfo(type);
        // A value that failed inside an array is reported at the array's path ("$.zones[2]" names the element, "$.zones" may not).
        return last.Kind == JsonTypeInfoKind.Enumerable && last.ElementType is { } element ? Nullable.GetUnderlyingType(element) ?? element : type;
    }

    /// <summary>".beds.total" → beds, total; ".zones[2]" → zones, (element); "['a b']" → a b.</summary>
    private static IEnumerable<string?> Tokens(string path)
    {
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                if (end < 0) end = path.Length;
                yield return path[(i + 1)..end];
                i = end;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0) yield break;
                var inner = path[(i + 1)..end];
                yield return inner.StartsWith('\'') ? inner.Trim('\'') : null;
                i = end + 1;
            }
            else yield break;
        }
    }

    /// <summary>The Chinese message for a value the field cannot hold: the accepted values of an enum, else the expected form.</summary>
    public static string Message(Type? type) => type switch
    {
        null => "值的格式或取值无效。",
        { IsEnum: true } => $"取值无效，可选：{string.Join("、", Enum.GetNames(type).Select(JsonNamingPolicy.KebabCaseLower.ConvertName))}。",
        _ when type == typeof(bool) => "须为 true 或 false。",
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) => "须为整数。",
        _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => "须为数字。",
        _ when type == typeof(Guid) => "须为 GUID（如 3f2504e0-4f89-11d3-9a0c-0305e82c3301）。",
        _ when type == typeof(DateOnly) => "须为日期（yyyy-MM-dd）。",
        _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => "须为时间（ISO 8601，如 2026-12-01T08:30:00+08:00）。",
        _ when type == typeof(TimeOnly) => "须为时刻（HH:mm）。",
        _ when type == typeof(string) => "须为文本。",
        _ => "值的格式或取值无效。",
    };
}
