using Microsoft.AspNetCore.Mvc;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;

namespace ElderCare.Web.Features.Supervision;

/// <summary>Supervision and inspections (三(一) monthly supervision): checklists, rounds, inspections, findings, rectification.</summary>
public static class SupervisionApi
{
    public static RouteGroupBuilder MapSupervisionApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/supervision").WithTags("督导检查").RequireAuthorization(Roles.Policies.ReadSupervision);
        g.MapGet("/checklists", async (AppDbContext db, CancellationToken ct) => TypedResults.Ok(await ListChecklists.Handle(db, ct)))
            .WithSummary("督导检查表（按年度版本）：检查项（建设标准、安全、服务、台账）与各等级整改期限；未确认的标“待确认”");
        g.MapPost("/checklists/{id:guid}/confirm", async (Guid id, ConfirmChecklist.Input input, CurrentUser user, AppDbContext db,
                TimeProvider clock, CancellationToken ct) =>
                (await ConfirmChecklist.Handle(id, input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ManageSupervision)
            .WithSummary("区民政局确认督导检查表与整改期限（去掉“待确认”，记录依据）");
        g.MapGet("/rounds", async (int? year, AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await ListSupervisionRounds.Handle(year, db, ct)))
            .WithSummary("月度督导批次列表");
        g.MapGet("/rounds/{id:guid}", async (Guid id, AppDbContext db, CancellationToken ct) =>
                (await GetSupervisionRound.Handle(id, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("一个督导批次及其检查表");
        g.MapPost("/rounds", async (OpenSupervisionRound.Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await OpenSupervisionRound.Handle(input, user, db, clock, ct))
                .ToResult(r => TypedResults.Created($"/api/supervision/rounds/{r.Id}", r)))
            .RequireAuthorization(Roles.Policies.ManageSupervision)
            .WithSummary("开启月度督导批次（年、月；区民政局或受委托的第三方机构）");
        g.MapGet("/inspections", async ([AsParameters] ListInspections.Query query, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await ListInspections.Handle(query, user.Scope, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("检查记录列表（镇街只见本辖区，服务机构只见本机构），分页");
        g.MapGet("/inspections/{id:guid}", async (Guid id, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await GetInspection.Handle(id, user.Scope, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("一条检查记录：逐项结果与说明");
        g.MapPost("/inspections", async (RecordInspection.Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await RecordInspection.Handle(input, user, db, clock, ct))
                .ToResult(i => TypedResults.Created($"/api/supervision/inspections/{i.Id}", i)))
            .RequireAuthorization(Roles.Policies.InspectFacilities)
            .WithSummary("登记对设施的检查：检查人、日期、每一检查项的结果（符合、不符合、不适用）与说明");
        g.MapGet("/findings", async ([AsParameters] ListFindings.Query query, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await ListFindings.Handle(query, user.Scope, db, clock, ct)).ToResult(TypedResults.Ok))
            .WithSummary("督导问题列表：按镇街、设施、批次、等级、状态、是否逾期筛选，分页");
        g.MapGet("/findings/export.xlsx", async ([AsParameters] ListFindings.Query query, CurrentUser user,
                [FromKeyedServices(ReadReplica.Key)] AppDbContext db,
                TimeProvider clock, CancellationToken ct) =>
                (await ExportFindings.Handle(query, user.Scope, db, clock, ct)).ToResult(bytes =>
                    TypedResults.File(bytes, SpreadsheetWriter.ContentType, "督导问题整改台账.xlsx")))
            .WithSummary("导出督导问题整改台账（Excel，与列表相同的筛选；超过 10,000 条时拒绝导出）");
        g.MapGet("/findings/{id:guid}", async (Guid id, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await GetFinding.Handle(id, user.Scope, db, clock, ct)).ToResult(TypedResults.Ok))
            .WithSummary("一个督导问题：等级、整改期限、是否逾期、是否重复、整改与复查记录");
        g.MapPost("/findings", async (RaiseFinding.Input input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await RaiseFinding.Handle(input, user, db, clock, ct))
                .ToResult(f => TypedResults.Created($"/api/supervision/findings/{f.Id}", f)))
            .RequireAuthorization(Roles.Policies.InspectFacilities)
            .WithSummary("登记督导问题（来自不符合的检查项或检查表外），按等级计算整改期限，附照片或 PDF");
        g.MapPost("/findings/{id:guid}/rectification", async (Guid id, RectifyFinding.Input input, CurrentUser user, AppDbContext db,
                TimeProvider clock, CancellationToken ct) =>
                (await RectifyFinding.Handle(id, input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.RectifyFindings)
            .WithSummary("服务机构或镇街登记整改（说明与佐证材料），等待复查");
        g.MapPost("/findings/{id:guid}/reinspection", async (Guid id, ReinspectFinding.Input input, CurrentUser user, AppDbContext db,
                TimeProvider clock, CancellationToken ct) =>
                (await ReinspectFinding.Handle(id, input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.InspectFacilities)
            .WithSummary("复查：通过则销号，未通过则按等级重新规定整改期限");
        g.MapGet("/facilities/{facilityId:guid}/summary", async (Guid facilityId, int? year, CurrentUser user, AppDbContext db,
                TimeProvider clock, CancellationToken ct) =>
                (await GetSupervisionSummary.Handle(facilityId, year, user.Scope, db, clock, ct)).ToResult(TypedResults.Ok))
            .WithSummary("设施年度督导情况（供年度评估）：问题数、逾期数、重复问题数、未销号数");
        return api;
    }
}
