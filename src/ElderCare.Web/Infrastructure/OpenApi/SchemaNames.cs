using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.OpenApi;

namespace ElderCare.Web.Infrastructure.OpenApi;

/// <summary>
/// The component name of each request and response type, unique in the document (ADR 29): every use case nests a record
/// named <c>Input</c> or <c>Result</c>, so a nested type is named with its declaring type (<c>RegisterWorker.Input</c> →
/// <c>RegisterWorkerInput</c>; types nested in an <c>…Api</c> or <c>…Setup</c> class keep their own name); a page of a list is
/// <c>{Item}Page</c>; a name two features share is prefixed with the feature (<c>ServicesTransitionResource</c>). Two types
/// that would still share a name stop the document (a test reads it) instead of one silently describing the other's body.
/// </summary>
public static class SchemaNames
{
    private static readonly ConcurrentDictionary<string, Type> Taken = new();

    public static string? Of(JsonTypeInfo info)
    {
        if (OpenApiOptions.CreateDefaultSchemaReferenceId(info) is null) return null; // primitives and collections stay inline
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        var name = Of(type);
        var owner = Taken.GetOrAdd(name, type);
        if (owner != type)
            throw new InvalidOperationException($"两个 API 类型的架构名称相同（{name}）：{owner.FullName} 与 {type.FullName}，请重命名其一。");
        return name;
    }

    public static string Of(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray) return Of(type.GetElementType()!) + "List";
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Paged<>)) return Of(type.GetGenericArguments()[0]) + "Page";
        if (type.IsDefined(typeof(CompilerGeneratedAttribute), false))
            throw new InvalidOperationException($"匿名类型不能作为 API 的请求或响应（{type}）：请改用具名记录。");
        var name = Simple(type);
        if (type.IsGenericType) name += "Of" + string.Join("And", type.GetGenericArguments().Select(Of));
        return Ambiguous.Value.Contains(Simple(type)) && type.Namespace?.Split('.')[^1] is { } feature ? feature + name : name;
    }

    /// <summary>The name without generic arguments: nested types with their declaring type unless that is an …Api or …Setup class.</summary>
    private static string Simple(Type type)
    {
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        var name = tick >= 0 ? type.Name[..tick] : type.Name;
        var declaring = type.DeclaringType;
        return declaring is null || declaring.Name.EndsWith("Api", StringComparison.Ordinal)
                                 || declaring.Name.EndsWith("Setup", StringComparison.Ordinal)
            ? name
            : Simple(declaring) + name;
    }

    /// <summary>Names that two types of this assembly share (Services.TransitionResource and Reports.TransitionResource): such
    /// a type is named with its feature, whichever of them the document meets first.</summary>
    private static readonly Lazy<HashSet<string>> Ambiguous = new(() => typeof(SchemaNames).Assembly.GetTypes()
        .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute), false) && !t.Name.Contains('<', StringComparison.Ordinal))
        .GroupBy(Simple).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet());
}
