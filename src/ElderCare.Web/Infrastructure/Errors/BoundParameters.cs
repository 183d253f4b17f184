using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;

namespace ElderCare.Web.Infrastructure.Errors;

/// <summary>
/// Which parameter a minimal-API binding failure (a 400 <see cref="BadHttpRequestException"/>) is about, read from the
/// endpoint's own binding metadata (<see cref="IParameterBindingMetadata"/>) and the request, never from the framework's
/// English message (ADR 25): the first route, query or header parameter that is required and missing, or whose value
/// does not parse as its type. The build-time request delegates (ADR 26) answer some of these failures with a bare 400
/// and no exception; <see cref="ProblemDetailsSetup.ForStatus"/> names the parameter the same way.
/// </summary>
public static class BoundParameters
{
    /// <summary>
    /// The C# name of the parameter that failed to bind: a route, query or header value, else the body parameter (a
    /// body that is missing or cannot be read); null when the endpoint has neither.
    /// </summary>
    public static string? Failed(HttpContext http)
    {
        if (FailedValue(http) is { } value) return value;
        var body = BodyType(http);
        return Parameters(http).FirstOrDefault(p => ReadsBody(p, body))?.Name;
    }

    /// <summary>
    /// The C# name of the first route, query or header parameter that is required and missing or does not parse; null
    /// when every one binds. An empty value of a nullable parameter binds as absent, as the generated binder reads it.
    /// </summary>
    public static string? FailedValue(HttpContext http)
    {
        var routeValues = http.Features.Get<IExceptionHandlerFeature>()?.RouteValues ?? http.Request.RouteValues;
        foreach (var p in Parameters(http))
        {
            var nullable = Nullable.GetUnderlyingType(p.ParameterInfo.ParameterType);
            var type = nullable ?? p.ParameterInfo.ParameterType;
            var element = type.IsArray ? type.GetElementType()! : type;
            if (!(p.HasTryParse || element == typeof(string)) || !RawValues(http.Request, routeValues, p, out var values)) continue;
            if (values.Count == 0 ? !p.IsOptional : values.Any(v => !(v.Length == 0 && nullable is not null) && !Parses(element, v)))
                return p.Name;
        }
        return null;
    }

    private static IReadOnlyList<IParameterBindingMetadata> Parameters(HttpContext http) =>
        FailedEndpoint(http)?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() ?? [];

    /// <summary>The JSON body (the type the endpoint accepts, or marked [FromBody]) or a form part (a file, the form).</summary>
    private static bool ReadsBody(IParameterBindingMetadata p, Type? body)
    {
        var type = p.ParameterInfo.ParameterType;
        return type == body || type == typeof(IFormFile) || type == typeof(IFormFileCollection) || type == typeof(IFormCollection)
               || p.ParameterInfo.GetCustomAttributes().Any(a => a is IFromBodyMetadata or IFromFormMetadata);
    }

    /// <summary>The type of the JSON body the endpoint reads (the type it declares it accepts), or null.</summary>
    public static Type? BodyType(HttpContext http) => FailedEndpoint(http)?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;

    /// <summary>Whether the endpoint reads a request body (it declares the content types it accepts).</summary>
    public static bool TakesBody(HttpContext http) => FailedEndpoint(http)?.Metadata.GetMetadata<IAcceptsMetadata>() is not null;

    /// <summary>The endpoint that failed: the exception handler clears it from the context and keeps it in its feature.</summary>
    private static Endpoint? FailedEndpoint(HttpContext http) => http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint();

    /// <summary>The values the binder read for the parameter: from its declared source, else its route value, else the query.</summary>
    private static bool RawValues(HttpRequest request, RouteValueDictionary routeValues, IParameterBindingMetadata p,
        out IReadOnlyList<string> values)
    {
        var attributes = p.ParameterInfo.GetCustomAttributes().ToList();
        values = [];
        if (attributes.OfType<IFromHeaderMetadata>().FirstOrDefault() is { } header)
            values = Strings(request.Headers[header.Name ?? p.Name]);
        else if (attributes.OfType<IFromRouteMetadata>().FirstOrDefault() is { } route)
            values = Strings(routeValues[route.Name ?? p.Name]?.ToString());
        else if (attributes.OfType<IFromQueryMetadata>().FirstOrDefault() is { } query)
            values = Strings(request.Query[query.Name ?? p.Name]);
        else if (attributes.Any(a => a is IFromBodyMetadata or IFromFormMetadata or IFromServiceMetadata))
            return false;
        else
            values = routeValues.TryGetValue(p.Name, out var routeValue)
                ? Strings(routeValue?.ToString())
                : Strings(request.Query[p.Name]);
        return true;
    }

    /// <summary>The values as the binder sees them: none when absent; an empty one still has to parse.</summary>
    private static IReadOnlyList<string> Strings(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Select(v => v ?? "").ToList();

    private static bool Parses(Type type, string value)
    {
        if (type == typeof(string)) return true;
        if (type.IsEnum) return Enum.TryParse(type, value, ignoreCase: true, out _);
        var withCulture = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static,
            [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]);
        if (withCulture is not null) return (bool)withCulture.Invoke(null, [value, CultureInfo.InvariantCulture, null])!;
        var plain = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]);
        return plain is null || (bool)plain.Invoke(null, [value, null])!;
    }
}
