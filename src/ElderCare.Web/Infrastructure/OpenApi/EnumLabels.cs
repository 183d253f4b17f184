using System.Collections.Concurrent;
using System.Reflection;

namespace ElderCare.Web.Infrastructure.OpenApi;

/// <summary>
/// The Chinese name of each value of an API enum, from the label methods the pages already use (<c>Labels.Of(FacilityType)</c>,
/// <c>ReportCycle.Label(ReportStatus)</c>, <c>Barthel.NameOf(…)</c>…): a public static method of this assembly that takes the enum
/// and returns a string, named Of, Label, NameOf or ActionName. An enum without one is described by its values only.
/// </summary>
public static class EnumLabels
{
    private static readonly string[] MethodNames = ["Of", "Label", "NameOf", "ActionName"];
    private static readonly Lazy<IReadOnlyDictionary<Type, MethodInfo>> Methods = new(Find);
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, string>?> Cache = new();

    /// <summary>Chinese name by JSON value ("street-center" → "街道养老服务中心"), or null when the enum has no label method.</summary>
    public static IReadOnlyDictionary<string, string>? Of(Type enumType) => Cache.GetOrAdd(enumType, t =>
    {
        if (!Methods.Value.TryGetValue(t, out var method)) return null;
        return Enum.GetValues(t).Cast<object>().ToDictionary(
            v => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()!),
            v => (string)method.Invoke(null, [v])!);
    });

    private static Dictionary<Type, MethodInfo> Find()
    {
        var found = new Dictionary<Type, MethodInfo>();
        var candidates = typeof(EnumLabels).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(string) && m.GetParameters() is [{ ParameterType.IsEnum: true }] && MethodNames.Contains(m.Name))
            .OrderBy(m => Array.IndexOf(MethodNames, m.Name)).ThenBy(m => m.DeclaringType!.FullName, StringComparer.Ordinal);
        foreach (var m in candidates) found.TryAdd(m.GetParameters()[0].ParameterType, m);
        return found;
    }
}
