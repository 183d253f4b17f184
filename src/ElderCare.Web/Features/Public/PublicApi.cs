using ElderCare.Web.Data;
using ElderCare.Web.Features.Map;
using ElderCare.Web.Infrastructure.Errors;

namespace ElderCare.Web.Features.Public;

/// <summary>The public service map's API: no sign-in, no personal data, rate limited per client address (<see cref="PublicRateLimit"/>).</summary>
public static class PublicApi
{
    public static RouteGroupBuilder MapPublicApi(this RouteGroupBuilder api)
    {
        api.MapGet("/public/facilities/nearest", async (double? lat, double? lng, string? region, string? type, AppDbContext db, MapOptions options,
                    TimeProvider clock, CancellationToken ct) =>
                (await FindNearestFacilities.Handle(lat, lng, region, type, db, options, clock, ct)).ToResult(TypedResults.Ok))
            .AllowAnonymous()
            .RequireRateLimiting(PublicRateLimit.Policy)
            .Produces<NearestFacilities>()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithTags("公众地图").WithSummary("离我最近的运营中养老服务设施与助餐点（免登录；按位置或镇街、村社区中心；步行分钟数；今日菜单；不含个人信息）");
        return api;
    }
}
