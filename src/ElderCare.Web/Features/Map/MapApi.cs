using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;
using Microsoft.AspNetCore.Mvc;
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
        api.MapGet("/map/site-suggestions", async (int? sites, string? asOf, string? candidates, CurrentUser user, AppDbContext db,
                    MapOptions options, TimeProvider clock, CancellationToken ct) =>
                (await SuggestSites.Handle(sites, asOf, candidates, user.Scope, db, options, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ReadCoverage)
            .WithTags("地图").WithSummary("选址建议：新建 k 个站点使最多（重点）老年人进入一刻钟服务圈（最大覆盖选址，精确求解并给出贪心解与差距）");
        api.MapMapDataApi();
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

    // ---- map data: boundaries, candidate sites, the suggestion's export ----

    private static void MapMapDataApi(this RouteGroupBuilder api)
    {
        api.MapGet("/map/boundaries", async Task<Results<ContentHttpResult, ProblemHttpResult, ValidationProblem>> (string? level,
                    CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await GetBoundaryMap.Handle(level, user.Scope, db, ct)).ToResult(json => TypedResults.Text(json, GetBoundaryMap.ContentType)))
            .RequireAuthorization(Roles.Policies.ReadCoverage)
            .Produces(StatusCodes.Status200OK, contentType: GetBoundaryMap.ContentType)
            .WithTags("地图").WithSummary("单位边界（GeoJSON FeatureCollection，简化后用于绘制；level=town 镇街 或 community 村社区）");
        api.MapPost("/map/boundaries", async Task<IResult> (IFormFile? file, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
            {
                if (file is null || file.Length == 0) return ApiResults.Invalid("file", "请上传 GeoJSON 文件（表单字段 file）。");
                await using var stream = file.OpenReadStream();
                var outcome = await ImportBoundaries.Handle(stream, user.Scope, user.UserName ?? "", db, clock, ct);
                if (outcome.Kind == OutcomeKind.Invalid && outcome.Errors!.ToDictionary() is var errors
                    && errors.TryGetValue("file", out var m) && m[0].StartsWith(ImportBoundaries.TooLargePrefix, StringComparison.Ordinal))
                    return TypedResults.Problem(new HttpValidationProblemDetails(errors)
                    {
                        Status = StatusCodes.Status413PayloadTooLarge, Title = "请求内容过大", Detail = m[0],
                    });
                if (outcome is { IsOk: true, Value: { Failed: > 0 } partial })
                    return TypedResults.ValidationProblem(partial.Errors, title: "部分要素未通过校验",
                        detail: $"已保存 {partial.Saved} 个单位的边界；{partial.Failed} 个要素有错误未保存（见 errors）。",
                        extensions: new Dictionary<string, object?> { ["saved"] = partial.Saved, ["codes"] = partial.Codes });
                return outcome.ToResult(TypedResults.Ok);
            })
            .DisableAntiforgery() // an API call authenticated by bearer token; the page form has its own antiforgery
            .WithMetadata(new RequestSizeLimitAttribute(ImportBoundaries.MaxFileBytes + 65_536))
            .WithFormOptions(multipartBodyLengthLimit: ImportBoundaries.MaxFileBytes + 65_536)
            .RequireAuthorization(Roles.Policies.WriteRegions)
            .Produces<ImportBoundaries.Result>(StatusCodes.Status200OK) // openapi: the handler answers a plain IResult
            .WithTags("地图").WithSummary("上传单位边界（GeoJSON FeatureCollection，multipart 字段 file）")
            .WithDescription("每个要素的 properties.code 为本人管辖范围内的区划代码，geometry 为有效的 Polygon 或 MultiPolygon（WGS-84，中国范围内）。" +
                "有错误的要素逐个报告（键如 features[3].geometry），不保存；其余正确的要素替换该单位原有的边界。有错误时返回 400，" +
                "detail 写明已保存几个、几个未保存，saved、codes 为已保存的数量和区划代码。文件过大返回 413。");
        api.MapGet("/map/candidate-sites", async (CurrentUser user, AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await ListCandidateSites.Handle(user.Scope, db, ct)))
            .RequireAuthorization(Roles.Policies.ReadCoverage)
            .WithTags("地图").WithSummary("选址候选楼宇（区县登记的可改建为站点的现有楼宇）");
        api.MapPost("/map/candidate-sites/import", async Task<IResult> (IFormFile? file, CurrentUser user, AppDbContext db, SpreadsheetLimits limits,
                    TimeProvider clock, CancellationToken ct) =>
            {
                if (file is null || file.Length == 0) return ApiResults.Invalid("file", "请上传 .xlsx 文件（表单字段 file）。");
                await using var stream = file.OpenReadStream();
                return (await ImportCandidateSites.Handle(stream, limits, user.Scope, db, clock, ct)).ToResult(TypedResults.Ok);
            })
            .DisableAntiforgery() // an API call authenticated by bearer token; the page form has its own antiforgery
            .WithMetadata(new RequestSizeLimitAttribute(ImportCandidateSites.MaxFileBytes))
            .WithFormOptions(multipartBodyLengthLimit: ImportCandidateSites.MaxFileBytes)
            .RequireAuthorization(Roles.Policies.WriteRegions)
            .Produces<ImportCandidateSites.Result>(StatusCodes.Status200OK) // openapi: the handler answers a plain IResult
            .WithTags("地图").WithSummary("导入选址候选楼宇（.xlsx：名称、地址、纬度、经度、区划代码、备注；逐行校验）");
        api.MapGet("/map/site-suggestions/export", async (int? sites, string? asOf, string? candidates, CurrentUser user, AppDbContext db,
                    MapOptions options, TimeProvider clock, CancellationToken ct) =>
                (await ExportSiteSuggestions.Handle(sites, asOf, candidates, user.Scope, db, options, clock, ct))
                .ToResult(f => TypedResults.File(f.Content, SpreadsheetWriter.ContentType, f.FileName)))
            .RequireAuthorization(Roles.Policies.ReadCoverage)
            .WithTags("地图").WithSummary("导出选址建议（Excel：所选站点、坐标、所在区划、新纳入的老年人与重点老年人，及贪心解、上界与差距）");
    }

    private static int? Coordinate(string text, string field, int max, FieldErrors errors)
    {
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value <= max) return value;
        errors.Add(field, $"瓦片坐标 {field} 应为 0 至 {max} 之间的整数。");
        return null;
    }
}
