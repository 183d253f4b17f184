using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Infrastructure.Errors;

/// <summary>One place that turns unexpected exceptions and bare status codes into Chinese ProblemDetails.</summary>
public static class ProblemDetailsSetup
{
    public static readonly IReadOnlyDictionary<int, string> Titles = new Dictionary<int, string>
    {
        [400] = "请求有误",
        [401] = "未登录或登录已过期",
        [403] = "无权访问",
        [404] = "未找到",
        [405] = "不支持该请求方法",
        [409] = "数据冲突",
        [413] = "请求内容过大",
        [415] = "不支持的内容类型",
        [422] = "无法处理的请求",
        [429] = "请求过于频繁",
        [500] = "服务器内部错误",
        [503] = "服务暂不可用",
    };

    public static IServiceCollection AddChineseProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            if (Titles.TryGetValue(status, out var title) && !HasChinese(ctx.ProblemDetails.Title))
                ctx.ProblemDetails.Title = title;
            ctx.ProblemDetails.Type ??= $"https://httpstatuses.io/{status}";
            ctx.ProblemDetails.Extensions.Remove("exception");
        });
        services.AddExceptionHandler<ExceptionToProblem>();
        return services;
    }

    private static bool HasChinese(string? s) => s is not null && s.Any(c => c >= 0x4e00 && c <= 0x9fff);

    /// <summary>
    /// The problem for a bare status code: a 400 from a request delegate that could not bind a route or query value (the
    /// build-time delegates answer it without an exception) names the parameter like <see cref="ExceptionToProblem"/>.
    /// </summary>
    public static ProblemDetails ForStatus(HttpContext http, int status) =>
        status == StatusCodes.Status400BadRequest && BoundParameters.FailedValue(http) is { } parameter
            ? InvalidParameter(parameter)
            : new ProblemDetails { Status = status };

    /// <summary>A route, query or header value that does not parse (or is missing), as a field error named in camelCase.</summary>
    public static ValidationProblemDetails InvalidParameter(string parameter)
    {
        var field = JsonNamingPolicy.CamelCase.ConvertName(parameter);
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = ["参数格式无效。"] })
        {
            Title = "数据校验未通过",
            Detail = $"参数 {field} 的格式无效。",
            Status = StatusCodes.Status400BadRequest,
        };
    }
}

/// <summary>Maps bad requests (malformed JSON, bad enum values, oversized bodies) to 4xx ProblemDetails naming the field.</summary>
public sealed class ExceptionToProblem(IProblemDetailsService problems, ILogger<ExceptionToProblem> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, problem) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (413, new ProblemDetails { Detail = "请求内容超过上限（一般请求 1 MB，导入文件 50 MB）。" }),
            BadHttpRequestException bad when Find<JsonException>(bad) is { } json => (400, JsonProblem(http, json)),
            BadHttpRequestException bad => (bad.StatusCode, BadRequest(http, bad)),
            JsonException json => (400, JsonProblem(http, json)),
            _ when DatabaseUnavailable.Is(exception) => (503, new ProblemDetails { Title = "数据库暂时不可用", Detail = DatabaseUnavailable.Detail }),
            _ => (500, new ProblemDetails { Detail = "服务器处理请求时出错，已记录日志。" }),
        };
        if (status == 503)
        {
            logger.LogWarning(exception, "Database unavailable for {Path}", http.Request.Path);
            DatabaseUnavailable.SetHeaders(http);
        }
        else if (status >= 500) logger.LogError(exception, "Unhandled exception for {Path}", http.Request.Path);
        problem.Status = status;
        http.Response.StatusCode = status;
        if (!Web.HostSetup.IsApi(http.Request))
        {
            await ErrorPage.WriteAsync(http, status, problem.Detail);
            return true;
        }
        return await problems.TryWriteAsync(new() { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static T? Find<T>(Exception e) where T : Exception
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is T t) return t;
        return null;
    }

    /// <summary>A body that is not JSON, or a field that cannot hold its value: the field's type is read from the endpoint's body
    /// type (<see cref="JsonFields"/>), so an unknown enum value lists the accepted ones.</summary>
    private static ValidationProblemDetails JsonProblem(HttpContext http, JsonException json)
    {
        var field = FieldName(json.Path);
        var options = http.RequestServices.GetService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()?.Value
            .SerializerOptions;
        var type = BoundParameters.BodyType(http) is { } body && options is not null ? JsonFields.TypeAt(body, json.Path, options) : null;
        var message = string.IsNullOrEmpty(field) ? "请求体不是有效的 JSON。" : JsonFields.Message(type);
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [field.Length == 0 ? "body" : field] = [message] })
        {
            Title = "数据校验未通过",
            Detail = message,
        };
    }

    /// <summary>"$.beds.total" → "beds.total"; "$.zones[2]" → "zones".</summary>
    internal static string FieldName(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "";
        var p = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        var bracket = p.IndexOf('[', StringComparison.Ordinal);
        return bracket >= 0 ? p[..bracket] : p;
    }

    private static ProblemDetails BadRequest(HttpContext http, BadHttpRequestException bad)
    {
        if (bad.StatusCode == 415) return new ProblemDetails { Detail = "请使用 application/json 提交数据。" };
        if (BoundParameters.Failed(http) is { } parameter) return ProblemDetailsSetup.InvalidParameter(parameter);
        return new ProblemDetails { Detail = BoundParameters.TakesBody(http) ? "缺少请求体或请求体无效。" : "请求格式无效。" };
    }
}

/// <summary>A plain Chinese error page for browsers (pages have no use for JSON).</summary>
public static class ErrorPage
{
    public static async Task WriteAsync(HttpContext http, int status, string? detail = null)
    {
        var title = ProblemDetailsSetup.Titles.TryGetValue(status, out var t) ? t : "出错了";
        var text = System.Net.WebUtility.HtmlEncode(detail ?? status switch
        {
            404 => "您要找的页面不存在，或不在您的权限范围内。",
            413 => "上传的内容超过上限（一般请求 1 MB，导入文件 50 MB）。",
            _ => "请求未能完成，请返回重试。",
        });
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} - 荣昌区智慧养老服务平台</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main class="container error-page"><h1>{status} {title}</h1><p>{text}</p><p><a href="/">返回首页</a></p></main></body></html>
            """);
    }
}
