using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Spreadsheets;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;

namespace ElderCare.Web.Features.Elders;

public static class ElderImportApi
{
    public static RouteGroupBuilder MapElderImportApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/elders/import").WithTags("老年人").RequireAuthorization(Roles.Policies.ReadElders);

        g.MapGet("/template.xlsx", (TimeProvider clock, ElderOptions options) =>
                TypedResults.File(
                    ElderImportTemplate.Build(clock.Today(), options.MinimumAge), SpreadsheetWriter.ContentType, ElderImportTemplate.FileName))
            .WithSummary("下载老年人信息导入模板（老年人信息、填写说明、示例三个工作表）");

        g.MapPost("/", async (IFormFile? file, CurrentUser user, AppDbContext db, FieldProtector protector, ElderOptions options,
                SpreadsheetLimits limits, TimeProvider clock, IMemoryCache cache, CancellationToken ct) =>
            {
                if (file is null || file.Length == 0) return ApiResults.Invalid("file", "请上传 .xlsx 文件（表单字段 file）。");
                await using var stream = file.OpenReadStream();
                return (await ImportElders.Handle(stream, ImportElders.Importer.Of(user), db, protector, options, limits, clock, cache, ct))
                    .ToResult(TypedResults.Ok);
            })
            .DisableAntiforgery() // an API call authenticated by bearer token; the page form has its own antiforgery
            // 100,000 rows are 5–8 MB, over the 1 MB of every other request (HostSetup honours this metadata).
            .WithMetadata(new RequestSizeLimitAttribute(ImportElders.MaxFileBytes))
            .WithFormOptions(multipartBodyLengthLimit: ImportElders.MaxFileBytes)
            .RequireAuthorization(Roles.Policies.WriteElders)
            .WithSummary("批量导入老年人（.xlsx，按身份证号新增或更新）")
            .WithDescription(
                "逐行校验（身份证号、年龄、表内重复、已在其他镇街登记、区域代码及范围、取值）。有错误的行不导入并逐行报告；" +
                "其余正确的行在一个事务中全部导入（数据库冲突时都不导入，返回 409）。已登记的按表中内容更新，空白单元格保留原值，" +
                "内容一致的计为 unchanged，故重复导入同一文件不产生改动。返回 {imported, updated, unchanged, rejected, errors:[{row, column, message}], " +
                $"errorsTruncated, errorSheetUrl}}；errors 最多列出 {ImportElders.MaxErrorsListed} 条，错误行表格（errorSheetUrl）含全部错误行，" +
                "仅导入者本人可下载，保存在处理该请求的服务器内存中 1 小时。文件上限 50 MB、20 万行。");

        g.MapGet("/errors/{token}.xlsx", (string token, CurrentUser user, IMemoryCache cache) =>
                ElderImportErrorSheets.Find(cache, token, user.Id) is { } bytes
                    ? (IResult)TypedResults.File(bytes, SpreadsheetWriter.ContentType, "老年人导入错误行.xlsx")
                    : ApiResults.NotFound("错误行表格不存在或已过期（只保存 1 小时，且只有导入者本人可以下载），请重新导入以获取。"))
            .RequireAuthorization(Roles.Policies.WriteElders)
            .WithSummary("下载导入的错误行（原值加“错误说明”列，改正后可再次导入）");
        return api;
    }
}
