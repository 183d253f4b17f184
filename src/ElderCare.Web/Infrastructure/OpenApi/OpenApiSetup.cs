using System.Text.Json.Nodes;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ElderCare.Web.Infrastructure.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document at /openapi/v1.json (ADR 29). Everything here is a convention over every endpoint, read from
/// its metadata, so that a new endpoint is described correctly without any per-endpoint declaration: schema names
/// (<see cref="SchemaNames"/>), operationIds, the security it needs, its ProblemDetails responses, 201 + Location,
/// string enums with their Chinese names and integers typed as integers. An endpoint declares only what cannot be read
/// from its metadata: a success type behind a plain IResult (<c>.Produces&lt;T&gt;</c>), 422 and 429 (<c>.ProducesProblem</c>),
/// a device key (<see cref="DeviceKeyMetadata"/>).
/// </summary>
public static partial class OpenApiSetup
{
    public const string Bearer = "bearer";
    /// <summary>Integration accounts (ADR 29): the client-credentials grant, or the client's secret as a bearer credential.</summary>
    public const string ClientCredentials = "clientCredentials";
    public const string DeviceKey = "deviceKey";
    private const string Problem = "ProblemDetails";
    private const string ValidationProblem = "HttpValidationProblemDetails";
    private const string ProblemJson = "application/problem+json";

    public static IServiceCollection AddElderCareOpenApi(this IServiceCollection services) =>
        services.AddOutputCache().AddOpenApi(o =>
        {
            o.CreateSchemaReferenceId = SchemaNames.Of;
            o.AddSchemaTransformer(ApiSchemas.TransformAsync);
            o.AddOperationTransformer(TransformOperation);
            o.AddDocumentTransformer(TransformDocumentAsync);
        });

    private static async Task TransformDocumentAsync(OpenApiDocument doc, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        doc.Info.Title = "ElderCare 智慧养老服务平台 API";
        doc.Info.Description = "荣昌区社区居家养老服务全覆盖（荣昌府办发〔2020〕1号）。错误一律为 ProblemDetails，校验错误以字段名（camelCase）为键。";
        foreach (var server in doc.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
        doc.Components ??= new OpenApiComponents();
        doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        doc.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer",
            Description = "访问令牌：POST /api/auth/token 以用户名、密码（及动态验证码）换取，请求头 Authorization: Bearer <令牌>。" +
                          "接口账户也可直接以其密钥（ecs_…）作为 Bearer 凭据。",
        };
        doc.Components.SecuritySchemes[ClientCredentials] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "接口账户（区管理员创建）：以 client_id 和密钥按 OAuth 2.0 客户端凭据模式换取 15 分钟的访问令牌（ect_…）。",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow
                {
                    TokenUrl = new Uri("/api/oauth/token", UriKind.Relative), Scopes = new Dictionary<string, string>(),
                },
            },
        };
        doc.Components.SecuritySchemes[DeviceKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = Features.Alarms.DeviceAuth.Header,
            Description = "设备密钥：登记设备时返回一次（服务器只存其哈希），设备心跳和报警时放在请求头 X-Device-Key。",
        };
        doc.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var (name, type) in new[] { (Problem, typeof(ProblemDetails)), (ValidationProblem, typeof(HttpValidationProblemDetails)) })
            if (!doc.Components.Schemas.ContainsKey(name))
                doc.Components.Schemas[name] = await context.GetOrCreateSchemaAsync(type, null, ct);
        doc.Components.Schemas = new SortedDictionary<string, IOpenApiSchema>(doc.Components.Schemas, StringComparer.Ordinal);
    }

    private static Task TransformOperation(OpenApiOperation op, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = description.HttpMethod ?? "GET";
        var path = "/" + (description.RelativePath ?? "").TrimEnd('/');
        op.OperationId ??= metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName ?? OperationId(method, path);

        foreach (var p in op.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (p.In == ParameterLocation.Query && p.Name is { Length: > 0 } name)
                p.Name = char.ToLowerInvariant(name[0]) + name[1..]; // query binding ignores case; the document uses camelCase like the bodies
            if (p.Schema is OpenApiSchema schema) ApiSchemas.Numbers(schema); // route values get their pattern after the schema transformers
        }

        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var device = metadata.OfType<DeviceKeyMetadata>().LastOrDefault();
        op.Security = [];
        if (device is not null) op.Security.Add(Requirement(DeviceKey, context.Document));
        if (!anonymous || device is { OrSignedIn: true })
        {
            op.Security.Add(Requirement(Bearer, context.Document));
            op.Security.Add(Requirement(ClientCredentials, context.Document));
        }

        op.Responses ??= new OpenApiResponses();
        foreach (var (status, response) in op.Responses)
            if (status == "201" && response is OpenApiResponse created)
            {
                created.Headers ??= new Dictionary<string, IOpenApiHeader>();
                created.Headers["Location"] = new OpenApiHeader
                {
                    Description = "新建资源的地址", Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
            // A problem an endpoint declares itself (ProducesProblem) is described as the ones added below: in Chinese.
            else if (response is OpenApiResponse { Content: { } content } declared && content.ContainsKey(ProblemJson)
                     && int.TryParse(status, out var code) && ProblemDetailsSetup.Titles.TryGetValue(code, out var title))
                declared.Description = title;

        DescribeDownload(op, method, path);
        var write = method is not ("GET" or "HEAD");
        var hasBody = op.RequestBody is not null;
        var hasInput = hasBody || op.Parameters?.Any(p => p.In is ParameterLocation.Query or ParameterLocation.Header) == true
                       || path.Contains('{', StringComparison.Ordinal) && !path.Contains(":guid}", StringComparison.Ordinal);
        if (hasInput) AddProblem(op, 400, context.Document, validation: true);
        if (!anonymous || device is not null) AddProblem(op, 401, context.Document);
        if (!anonymous) AddProblem(op, 403, context.Document);
        if (!anonymous) AddProblem(op, 429, context.Document); // a token over its requests per minute (ApiTokenLimit)
        if (device is { OrSignedIn: true }) AddProblem(op, 429, context.Document); // a bearer-token user over its budget (ApiTokenLimit)
        if (path.Contains('{', StringComparison.Ordinal)) AddProblem(op, 404, context.Document);
        if (write) AddProblem(op, 409, context.Document);
        if (hasBody)
        {
            AddProblem(op, 413, context.Document);
            AddProblem(op, 415, context.Document);
        }
        AddProblem(op, 503, context.Document); // DatabaseUnavailable (ADR 16): every operation reads the sessions or its data
        op.Responses = Sorted(op.Responses);
        return Task.CompletedTask;
    }

    /// <summary>"POST /api/facilities/{id}/compliance" → "postFacilitiesByIdCompliance".</summary>
    internal static string OperationId(string method, string path)
    {
        var words = new List<string> { method.ToLowerInvariant() };
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipWhile(s => s == "api"))
        {
            var text = RouteParameter().Replace(segment, m => "-by-" + m.Groups[1].Value + "-");
            words.AddRange(text.Split(['-', '.', '_'], StringSplitOptions.RemoveEmptyEntries)
                .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        }
        return string.Concat(words);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{([A-Za-z0-9_]+)[^}]*\}")]
    private static partial System.Text.RegularExpressions.Regex RouteParameter();

    /// <summary>A download declares no body type (FileContentHttpResult has no metadata): its media type from its path,
    /// "….xlsx", "….docx", or an Excel "…/export" or "…/template".</summary>
    private static void DescribeDownload(OpenApiOperation op, string method, string path)
    {
        if (method != "GET" || op.Responses!.Any(r => r.Key.StartsWith('2') && r.Value.Content is { Count: > 0 })) return;
        var last = path[(path.LastIndexOf('/') + 1)..];
        var type = last.EndsWith(".docx", StringComparison.Ordinal) ? Features.Reports.BulletinDocument.ContentType
            : last.EndsWith(".xlsx", StringComparison.Ordinal) || last is "export" or "template" ? Spreadsheets.SpreadsheetWriter.ContentType
            : null;
        if (type is null) return;
        op.Responses!["200"] = new OpenApiResponse
        {
            Description = "文件（附件下载）",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [type] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
            },
        };
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument? doc) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, doc)] = [] };

    private static void AddProblem(OpenApiOperation op, int status, OpenApiDocument? doc, bool validation = false)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (op.Responses!.ContainsKey(key)) return;
        op.Responses[key] = new OpenApiResponse
        {
            Description = ProblemDetailsSetup.Titles.TryGetValue(status, out var title) ? title : "错误",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemJson] = new() { Schema = new OpenApiSchemaReference(validation ? ValidationProblem : Problem, doc) },
            },
        };
    }

    private static OpenApiResponses Sorted(OpenApiResponses responses)
    {
        var sorted = new OpenApiResponses();
        foreach (var (k, v) in responses.OrderBy(r => r.Key, StringComparer.Ordinal)) sorted[k] = v;
        return sorted;
    }
}

/// <summary>Marks an endpoint that devices call with their key (X-Device-Key); <paramref name="OrSignedIn"/> when staff may call it too.</summary>
public sealed record DeviceKeyMetadata(bool OrSignedIn = false);

/// <summary>Schema conventions: string enums with their Chinese names, integers and numbers without the string alternative.</summary>
public static class ApiSchemas
{
    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        Numbers(schema);
        var clr = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (clr.IsEnum && schema.Enum is { Count: > 0 })
        {
            schema.Enum = schema.Enum.Where(v => v is not null).ToList();
            schema.Type = JsonSchemaType.String;
            var labels = EnumLabels.Of(clr);
            var values = schema.Enum.Select(v => v!.GetValue<string>()).ToList();
            schema.Description = "可选值：" + string.Join("；", values.Select(v => labels?.GetValueOrDefault(v) is { } l ? $"{v}（{l}）" : v)) + "。";
            if (labels is not null)
                schema.Extensions = new Dictionary<string, IOpenApiExtension>
                {
                    ["x-enum-descriptions"] =
                        new JsonNodeExtension(new JsonArray(values.Select(v => (JsonNode?)labels.GetValueOrDefault(v, v)).ToArray())),
                };
        }
        return Task.CompletedTask;
    }

    /// <summary>JsonSerializerDefaults.Web reads numbers written as strings too; the document describes what clients should send:
    /// <c>integer</c>, not <c>["integer","string"]</c> with a digits pattern.</summary>
    public static void Numbers(OpenApiSchema schema)
    {
        if (schema.Type is not { } type || (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) == 0) return;
        schema.Type = type & ~JsonSchemaType.String;
        if (schema.Pattern?.StartsWith("^-?(?:0|[1-9]", StringComparison.Ordinal) == true) schema.Pattern = null;
    }
}
