using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Search;

public static class SearchApi
{
    /// <summary>The body of POST /api/search.</summary>
    public sealed record SearchRequest(string? Q);

    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/search").WithTags("搜索").RequireAuthorization();
        g.MapPost("/", async (SearchRequest input, HttpContext http, CurrentUser user, AppDbContext db, FieldProtector protector, TimeProvider clock,
                CancellationToken ct) =>
            {
                http.Items[Audit.AuditWrites.SkipKey] = true; // a read
                return (await SearchEverything.Handle(input.Q, SearchEverything.KindsFor(http.User), user.Scope, db, protector, clock, ct))
                    .ToResult(TypedResults.Ok);
            })
            .WithSummary("全局搜索（请求体 {\"q\": …}）：老年人（姓名；身份证号码、电话完整精确匹配）、设施、服务人员、工单编号；" +
                         "按数据范围，每类最多 5 条，个人信息脱敏");
        g.MapGet("/", async (string? q, HttpContext http, CurrentUser user, AppDbContext db, FieldProtector protector, TimeProvider clock,
                CancellationToken ct) =>
                SearchEverything.Sensitive(q, clock.Today())
                    ? Outcome<SearchResult>.Invalid("q", SearchEverything.SensitiveInUrl).ToResult(TypedResults.Ok)
                    : (await SearchEverything.Handle(q, SearchEverything.KindsFor(http.User), user.Scope, db, protector, clock, ct))
                    .ToResult(TypedResults.Ok))
            .WithSummary("全局搜索（兼容旧调用）：姓名、设施名称、工单编号；身份证号码和电话不得放在网址中（400），请用 POST /api/search");
        return api;
    }
}
