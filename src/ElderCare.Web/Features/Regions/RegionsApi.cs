using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;

namespace ElderCare.Web.Features.Regions;

public static class RegionsApi
{
    public static RouteGroupBuilder MapRegionsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/regions").WithTags("区域").RequireAuthorization(Roles.Policies.ReadRegions);
        g.MapGet("/", async (string? under, CurrentUser user, AppDbContext db, CancellationToken ct) => TypedResults.Ok(await ListRegions.Handle(under, user.Scope, db, ct)))
            .WithSummary("区域列表：区 → 街道/镇 → 社区/行政村");
        g.MapPost("/", async (AddRegion.Input input, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await AddRegion.Handle(input, user.Scope, db, ct)).ToResult(r => TypedResults.Created($"/api/regions/{r.Code}", r)))
            .RequireAuthorization(Roles.Policies.WriteRegions)
            .WithSummary("新增社区或行政村（12 位代码，须以上级代码开头）");
        g.MapPut("/{code}", async (string code, UpdateRegionFigures.Input input, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await UpdateRegionFigures.Handle(code, input, user.Scope, db, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WriteRegions)
            .WithSummary("修改区域名称和基础数据（行政村数、社区数、人口）");
        return api;
    }
}
