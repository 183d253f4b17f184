using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Coverage;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Plan;

public static class PlanApi
{
    public sealed record PlanLineResource(string UnitCode, Facilities.FacilityType Type, int? Existing, IReadOnlyList<PlanYear> Years,
        int PlannedToBuild, int TotalWhenDone, bool ToConfirm, string? Note);

    public static RouteGroupBuilder MapPlanApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/plan").WithTags("建设规划").RequireAuthorization(Roles.Policies.ReadPlan);
        g.MapGet("/", async (CurrentUser user, AppDbContext db, CancellationToken ct) => TypedResults.Ok(
                (await db.PlanLines.AsNoTracking().Where(l => l.UnitCode.StartsWith(user.Scope.RegionPrefix ?? "-")).OrderBy(l => l.UnitCode).ToListAsync(ct))
                .Select(l => new PlanLineResource(l.UnitCode, l.Type, l.Existing, l.Years, l.PlannedToBuild, l.TotalWhenDone, l.ToConfirm, l.Note))))
            .WithSummary("建设规划：各镇街、各类设施的现有数与分年度拟建数");

        g.MapGet("/export.xlsx", async (CurrentUser user, AppDbContext db, CancellationToken ct) =>
                TypedResults.File(await ExportPlan.Handle(user.Scope.RegionPrefix ?? "-", db, ct), ExportCoverage.ContentType, "荣昌区养老服务设施建设规划.xlsx"))
            .WithSummary("按附件2、附件3格式导出规划（Excel）");

        g.MapPost("/import", async (IFormFile? file, AppDbContext db, SpreadsheetLimits limits, CancellationToken ct) =>
            {
                if (file is null || file.Length == 0) return ApiResults.Invalid("file", "请上传 .xlsx 文件。");
                await using var stream = file.OpenReadStream();
                return (await ImportPlan.Handle(stream, db, limits, ct)).ToResult(TypedResults.Ok);
            })
            .DisableAntiforgery() // an API call authenticated by bearer token; the page form has its own antiforgery
            .RequireAuthorization(Roles.Policies.WritePlan)
            .WithSummary("导入规划（附件2、附件3格式）；有任何错误行则不做任何修改，并逐行报告");
        return api;
    }
}
