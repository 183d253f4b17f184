using Microsoft.AspNetCore.Http.HttpResults;

namespace ElderCare.Web.Infrastructure.Errors;

/// <summary>Turns use-case outcomes into HTTP results; every failure is ProblemDetails in Chinese.</summary>
public static class ApiResults
{
    /// <summary>
    /// The typed result of an outcome: an endpoint whose handler returns it declares its success response (status and
    /// schema, e.g. <c>Created&lt;T&gt;</c> → 201) and the 400 field errors in the OpenAPI document without any
    /// <c>.Produces</c> of its own; the other ProblemDetails responses come from <c>OpenApiSetup</c>'s conventions.
    /// </summary>
    public static Results<TOk, ProblemHttpResult, ValidationProblem> ToResult<T, TOk>(this Outcome<T> outcome, Func<T, TOk> ok)
        where TOk : IResult => outcome.Kind switch
    {
        OutcomeKind.Ok => ok(outcome.Value!),
        OutcomeKind.NotFound => NotFound(outcome.Message ?? "未找到该记录"),
        OutcomeKind.Invalid => Invalid(outcome.Errors!),
        OutcomeKind.Conflict => Conflict(outcome.Message ?? "数据冲突"),
        OutcomeKind.Forbidden => TypedResults.Problem(detail: outcome.Message, statusCode: StatusCodes.Status403Forbidden, title: "无权访问"),
        _ => throw new InvalidOperationException($"未知的结果类型 {outcome.Kind}"),
    };

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "未找到");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "数据冲突");

    public static ValidationProblem Invalid(FieldErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), detail: "提交的数据有误，请按提示修改。", title: "数据校验未通过");

    public static ValidationProblem Invalid(string field, string message) => Invalid(new FieldErrors().Add(field, message));
}
