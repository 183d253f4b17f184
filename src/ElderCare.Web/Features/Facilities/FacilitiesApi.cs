using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Facilities;

public static class FacilitiesApi
{
    public static RouteGroupBuilder MapFacilitiesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/facilities").WithTags("设施").RequireAuthorization(Roles.Policies.ReadFacilities);

        g.MapPost("/", async (FacilityInput input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await RegisterFacility.Handle(input, user.Scope, db, clock, ct))
                .ToResult(f => TypedResults.Created($"/api/facilities/{f.Id}", f)))
            .RequireAuthorization(Roles.Policies.WriteFacilities)
            .WithSummary("登记设施");

        g.MapGet("/", async ([AsParameters] ListFacilities.Query query, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await ListFacilities.Handle(query, user.Scope, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("设施列表（按区域含下级、类型、状态筛选，分页）");

        g.MapGet("/{id:guid}", async (Guid id, HttpContext http, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await GetFacility.Handle(id, user.Scope, db, ct)).ToResult(f =>
                {
                    http.Response.Headers.ETag = $"\"{f.Version}\"";
                    return TypedResults.Ok(f);
                }))
            .WithSummary("设施详情");

        g.MapPut("/{id:guid}", async (Guid id, FacilityInput input, [FromHeader(Name = "If-Match")] string? ifMatch,
                CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                // The version may come in the body or as the ETag read from GET.
                if (input.Version is null && int.TryParse(ifMatch?.Trim('"', 'W', '/'), out var v)) input = input with { Version = v };
                return (await UpdateFacility.Handle(id, input, user.Scope, db, clock, ct)).ToResult(TypedResults.Ok);
            })
            .RequireAuthorization(Roles.Policies.WriteFacilities)
            .WithSummary("修改设施（乐观并发：版本不符返回 409）");

        g.MapGet("/{id:guid}/compliance", async (Guid id, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await CheckCompliance.Handle(id, user.Scope, db, clock, ct)).ToResult(TypedResults.Ok))
            .WithSummary("对照附件1建设标准检查");
        g.MapGet("/import/template", () =>
                TypedResults.File(FacilityImportTemplate.Build(), SpreadsheetWriter.ContentType, FacilityImportTemplate.FileName))
            .WithSummary("下载设施导入模板（设施、填写说明、示例三个工作表）");

        g.MapPost("/import", async (
                IFormFile? file, CurrentUser user, AppDbContext db, SpreadsheetLimits limits, TimeProvider clock, CancellationToken ct) =>
            {
                if (file is null || file.Length == 0) return ApiResults.Invalid("file", "请上传 .xlsx 文件（表单字段 file）。");
                await using var stream = file.OpenReadStream();
                return (await ImportFacilities.Handle(stream, limits, user.Scope, db, clock, ct)).ToResult(TypedResults.Ok);
            })
            .DisableAntiforgery() // an API call authenticated by bearer token; the page form has its own antiforgery
            .WithMetadata(new RequestSizeLimitAttribute(ImportFacilities.MaxFileBytes))
            .WithFormOptions(multipartBodyLengthLimit: ImportFacilities.MaxFileBytes)
            .RequireAuthorization(Roles.Policies.WriteFacilities)
            .WithSummary("批量导入设施（.xlsx，按编号新增或更新）")
            .WithDescription("逐行校验（与单个登记相同的规则，镇街工作人员只能导入本镇街的设施）。有错误的行不导入，逐个报告“第几行哪一列”；" +
                "其余正确的行在一个事务中全部导入（数据库冲突时都不导入，返回 409）。已登记的编号按表中内容更新，空白单元格保留原值，内容一致的计为未变化。" +
                "返回 {imported, updated, unchanged, rejected, rows:[{row, code, name, outcome}], errors:[{row, cell, column, message, text}]}。");
        return api;
    }
}
