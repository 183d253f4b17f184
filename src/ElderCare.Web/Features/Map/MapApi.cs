using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElderCare.Web.Features.Map;

public static class MapApi
{
    public static RouteGroupBuilder MapMapApi(this RouteGroupBuilder api)
    {
        // The base map holds no personal data: anonymous, so the public map can use it too; cached a day by browsers.
        api.MapGet("/map/tiles/{z}/{x}/{y}", async Task<Results<FileContentHttpResult, NoContent, ValidationProblem>> (
                    string z, string x, string y, MapTiles tiles, HttpContext http, CancellationToken ct) =>
                {
                    var errors = new FieldErrors();
                    var zoom = Coordinate(z, "z", MapTiles.MaxZoom, errors);
                    var limit = zoom is { } zz ? (1 << zz) - 1 : int.MaxValue;
                    var column = Coordinate(x, "x", limit, errors);
                    var row = Coordinate(y.Split('.')[0], "y", limit, errors); // "7.png" as Leaflet templates often write it
                    if (errors.Any) return ApiResults.Invalid(errors);
                    if (await tiles.GetAsync(zoom!.Value, column!.Value, row!.Value, ct) is not { } tile) return TypedResults.NoContent();
                    http.Response.Headers.CacheControl = "public, max-age=86400";
                    if (tile.ContentEncoding is { } encoding) http.Response.Headers.ContentEncoding = encoding;
                    return TypedResults.File(tile.Data, tile.ContentType);
                })
            .AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: "image/png") // openapi: or the package's own image or vector-tile type
            .WithTags("地图").WithSummary("底图瓦片（本机安装的 MBTiles 瓦片包；无此瓦片时 204）");
        api.MapGet("/map/reach", async (string? asOf, CurrentUser user, AppDbContext db, MapOptions options, TimeProvider clock,
                    CancellationToken ct) => (await GetReach.Handle(asOf, user.Scope, db, options, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ReadCoverage)
            .WithTags("地图").WithSummary("一刻钟服务圈：各镇街、村社区步行15分钟内可达达标设施的老年人与重点老年人占比，及圈外老年人聚集处");
        api.MapGet("/map/site-suggestions", async (int? sites, string? asOf, CurrentUser user, AppDbContext db, MapOptions options,
                    TimeProvider clock, CancellationToken ct) =>
                (await SuggestSites.Handle(sites, asOf, user.Scope, db, options, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ReadCoverage)
            .WithTags("地图").WithSummary("选址建议：新建 k 个站点使最多（重点）老年人进入一刻钟服务圈（最大覆盖选址，精确求解并给出贪心解与差距）");
        // Map layers and a facility's catchment (养老服务地图, ADR 31): the map page draws the same answers.
        api.MapGet("/map/elder-density", async (string? level, string? region, string? asOf, CurrentUser user, AppDbContext db,
                    TimeProvider clock, CancellationToken ct) =>
                (await ListElderDensity.Handle(level, region, asOf, user.Scope, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ReadCoverage)
            .WithTags("地图").WithSummary("老年人分布：按网格汇总（全区 1 公里、镇街 400 米、村社区 200 米），不逐人显示");
        api.MapGet("/map/priority-elders", async (string? region, string? asOf, CurrentUser user, AppDbContext db,
                    TimeProvider clock, CancellationToken ct) =>
                (await ListPriorityElderPoints.Handle(region, asOf, user.Scope, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ReadCoverage)
            .WithTags("地图").WithSummary("村社区内的重点老年人位置（姓名脱敏；仅村社区层级、仅本人数据范围）");
        api.MapGet("/map/day-events", async (string? date, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await ListDayEvents.Handle(date, user.Scope, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ReadCoverage)
            .WithTags("地图").WithSummary("当日报警与上门服务的位置（不含姓名）");
        api.MapGet("/map/facilities/{id:guid}/catchment", async (Guid id, string? asOf, CurrentUser user, AppDbContext db, MapOptions options,
                    TimeProvider clock, CancellationToken ct) =>
                (await GetCatchment.Handle(id, asOf, user.Scope, db, options, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ReadCoverage)
            .WithTags("地图").WithSummary("设施的一刻钟服务圈：半径及圈内老年人、重点老年人人数");
        return api;
    }

    private static int? Coordinate(string text, string field, int max, FieldErrors errors)
    {
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value <= max) return value;
        errors.Add(field, $"瓦片坐标 {field} 应为 0 至 {max} 之间的整数。");
        return null;
    }
}
