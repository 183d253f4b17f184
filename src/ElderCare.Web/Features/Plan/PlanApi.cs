using Microsoft.AspNetCore.Mvc;
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
        int? ExistingOrPlanned, int PlannedToBuild, int TotalWhenDone, bool ToConfirm, string? Note);

    public sealed record PlanTotalResource(Facilities.FacilityType Type, int? Year, int Count, string Source);

    /// <summary>The plan rows, the district's 合计 rows and the check of one against the other.</summary>
    public sealed record PlanResource(
        IEnumerable<PlanLineResource> Lines, IEnumerable<PlanTotalResource> Totals, IReadOnlyList<PlanTotalCheck> Checks);

    public sealed record PlanTotalsResource(IEnumerable<PlanTotalResource> Totals, IReadOnlyList<PlanTotalCheck> Checks);

    private static PlanLineResource ToResource(PlanLine l) =>
        new(l.UnitCode, l.Type, l.Existing, l.Years, l.ExistingOrPlanned, l.PlannedToBuild, l.TotalWhenDone, l.ToConfirm, l.Note);

    private static PlanTotalResource ToResource(PlanTotal t) => new(t.Type, t.Year, t.Count, t.Source);

    public static RouteGroupBuilder MapPlanApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/plan").WithTags("建设规划").RequireAuthorization(Roles.Policies.ReadPlan);
        g.MapGet("/", async (CurrentUser user, AppDbContext db, CancellationToken ct) =>
            {
                var plan = await GetPlan.Handle(user.Scope.RegionPrefix ?? "-", db, ct);
                return TypedResults.Ok(new PlanResource(plan.Lines.Select(ToResource), plan.Totals.Select(ToResource), plan.Checks));
            })
            .WithSummary("建设规划：各镇街、各类设施的现有数与分年度拟建数，区级合计及核对结果");

        g.MapGet("/totals", async (CurrentUser user, AppDbContext db, CancellationToken ct) =>
            {
                var plan = await GetPlan.Handle(user.Scope.RegionPrefix ?? "-", db, ct);
                return TypedResults.Ok(new PlanTotalsResource(plan.Totals.Select(ToResource), plan.Checks));
            })
            .WithSummary("区级合计（附件2、附件3合计行）及各单位合计的核对结果");

        g.MapGet("/export.xlsx", async (CurrentUser user, [FromKeyedServices(ReadReplica.Key)] AppDbContext db, CancellationToken ct) =>
                TypedResults.File(
                    await ExportPlan.Handle(user.Scope.RegionPrefix ?? "-", db, ct),
                    SpreadsheetWriter.ContentType,
                    "荣昌区养老服务设施建设规划.xlsx"))
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
