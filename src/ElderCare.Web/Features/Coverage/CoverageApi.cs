using Microsoft.AspNetCore.Mvc;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;

namespace ElderCare.Web.Features.Coverage;

public static class CoverageApi
{
    public static RouteGroupBuilder MapCoverageApi(this RouteGroupBuilder api)
    {
        api.MapGet("/coverage", async (
                string? asOf, string? regionCode, CurrentUser user, [FromKeyedServices(ReadReplica.Key)] AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await GetCoverage.Handle(asOf, regionCode, user.Scope, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ReadCoverage)
            .ProducesProblem(StatusCodes.Status404NotFound) // a regionCode outside the user's scope
            .WithTags("覆盖与指标").WithSummary("各镇街设施覆盖情况：应建、规划、运营与缺口");

        api.MapGet("/coverage/export.xlsx", async (string? asOf, CurrentUser user,
                [FromKeyedServices(ReadReplica.Key)] AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await GetCoverage.Handle(asOf, null, user.Scope, db, clock, ct)).ToResult(report =>
                    TypedResults.File(ExportCoverage.ToXlsx(report), SpreadsheetWriter.ContentType, $"覆盖情况-{report.AsOf:yyyyMMdd}.xlsx")))
            .RequireAuthorization(Roles.Policies.ReadCoverage)
            .WithTags("覆盖与指标").WithSummary("导出覆盖情况表（Excel）");

        api.MapGet("/kpis", async (string? asOf, string? regionCode, CurrentUser user,
                [FromKeyedServices(ReadReplica.Key)] AppDbContext db, TimeProvider clock, Map.MapOptions map,
                    CancellationToken ct) => // map: the 15-minute circle's KPI walks as the service map does
                (await GetKpis.Handle(asOf, regionCode, user.Scope, db, clock, map, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ReadCoverage)
            .ProducesProblem(StatusCodes.Status404NotFound) // a regionCode outside the user's scope
            .WithTags("覆盖与指标").WithSummary("关键指标：社会化运营率、医养能力、护理型床位占比、覆盖率");
        return api;
    }
}
