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
