using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;

namespace ElderCare.Web.Features.Search;

public static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/search").WithTags("搜索").RequireAuthorization();
        g.MapGet("/", async (string? q, HttpContext http, CurrentUser user, AppDbContext db, FieldProtector protector, TimeProvider clock,
                CancellationToken ct) =>
                (await SearchEverything.Handle(q, SearchEverything.KindsFor(http.User), user.Scope, db, protector, clock, ct))
                .ToResult(TypedResults.Ok))
            .WithSummary("全局搜索：老年人（姓名、身份证号码精确匹配）、设施、服务人员、工单编号；按数据范围，每类最多 5 条，个人信息脱敏");
        return api;
    }
}
