using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;

namespace ElderCare.Web.Features.Regions;

public static class RegionsApi
{
    public static RouteGroupBuilder MapRegionsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/regions").WithTags("区域").RequireAuthorization(Roles.Policies.ReadRegions);
        g.MapGet("/", async (string? under, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await ListRegions.Handle(under, user.Scope, db, ct)))
            .WithSummary("区域列表：区 → 街道/镇 → 社区/行政村");
        g.MapPost("/", async (RegisterRegion.Input input, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await RegisterRegion.Handle(input, user.Scope, db, ct)).ToResult(r => TypedResults.Created($"/api/regions/{r.Code}", r)))
            .RequireAuthorization(Roles.Policies.WriteRegions)
            .WithSummary("新增社区或行政村（12 位代码，须以上级代码开头）");
        g.MapPut("/{code}", async (string code, UpdateRegionFigures.Input input, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await UpdateRegionFigures.Handle(code, input, user.Scope, db, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WriteRegions)
            .WithSummary("修改区域名称和基础数据（行政村数、社区数、人口）");
        g.MapPost("/{code}/code", async (string code, ChangeRegionCode.Input input, CurrentUser user, AppDbContext db, AuditLog audit,
                TimeProvider clock, CancellationToken ct) =>
                (await ChangeRegionCode.Handle(code, input, user, db, audit, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ChangeRegionCodes)
            .WithSummary("更正区域代码（镇街或村社区）：引用该代码的设施、下级区域、老年人、规划、用户、工单等在一个事务中随之更正，并记入审计")
            .WithDescription("请求体 {newCode, reason}。新代码须为该级别的位数、以上级代码开头且未被使用（已被使用返回 409）。仅区级用户可用。");
        g.MapGet("/import/template", () =>
                TypedResults.File(RegionImportTemplate.Build(), SpreadsheetWriter.ContentType, RegionImportTemplate.FileName))
            .WithSummary("下载社区和行政村导入模板（统计用区划代码表的格式：统计用区划代码、城乡分类代码、名称）");
        g.MapPost("/import", async (IFormFile? file, HttpContext http, CurrentUser user, AppDbContext db, AuditLog audit, SpreadsheetLimits limits,
                TimeProvider clock, CancellationToken ct) =>
            {
                if (file is null || file.Length == 0) return ApiResults.Invalid("file", "请上传 .xlsx 文件（表单字段 file）。");
                await using var stream = file.OpenReadStream();
                var importer = ImportRegions.Importer.Of(user, http.User);
                return (await ImportRegions.Handle(stream, limits, importer, db, audit, clock, ct)).ToResult(TypedResults.Ok);
            })
            .DisableAntiforgery() // an API call authenticated by bearer token; the page form has its own antiforgery
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ImportRegions.MaxFileBytes))
            .WithFormOptions(multipartBodyLengthLimit: ImportRegions.MaxFileBytes)
            .RequireAuthorization(Roles.Policies.WriteRegions)
            .WithSummary("从统计用区划代码表导入社区和行政村（全部导入或都不导入）")
            .WithDescription("按代码新增或改名；同名而代码不同的镇街或村社区视为更正代码（仅区级用户），引用它的数据随之更正。任何一行有错误时不做任何更改，" +
                "返回 applied=false 和逐格错误。返回 {applied, imported, renamed, corrected, unchanged, rejected, " +
                "rows:[{row, code, name, outcome, oldCode}], " +
                "errors:[{row, cell, column, message, text}]}。");
        return api;
    }
}
