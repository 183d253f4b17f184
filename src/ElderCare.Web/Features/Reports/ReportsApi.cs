using Microsoft.AspNetCore.Mvc;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;

namespace ElderCare.Web.Features.Reports;

/// <summary>Quarterly reports and bulletins (三、保障措施): forms, generation, the submit / return / approve cycle, lock checks, exports.</summary>
public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/reports").WithTags("季报与通报").RequireAuthorization(Roles.Policies.ReadReports);
        g.MapGet("/forms", async (AppDbContext db, CancellationToken ct) => TypedResults.Ok(await ListReportForms.Handle(db, ct)))
            .WithSummary("季报表样（按年度版本）：指标代码、名称、单位、口径与政策依据；未确认的标“待确认”");
        g.MapPost("/forms/{id:guid}/confirm", async (Guid id, ConfirmReportForm.Input input, CurrentUser user, AppDbContext db,
                TimeProvider clock, CancellationToken ct) =>
                (await ConfirmReportForm.Handle(id, input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ApproveReports)
            .WithSummary("区民政局确认季报表样（去掉“待确认”，记录依据）");
        g.MapPost("/generate", async (GenerateReports.Input input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await GenerateReports.Handle(input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ApproveReports)
            .WithSummary("区民政局生成某季度各镇街季报草稿（按季末记录计算指标；已有草稿刷新数值，已提交、已锁定的不动）");
        g.MapGet("/", async ([AsParameters] ListReports.Query query, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await ListReports.Handle(query, user.Scope, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("季报列表（镇街只见本辖区），按季度、单位、状态筛选，分页");
        g.MapGet("/{id:guid}", async (Guid id, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await GetReport.Handle(id, user.Scope, db, clock, ct)).ToResult(TypedResults.Ok))
            .WithSummary("一份季报：指标值（已提交的为提交时快照）、按现有记录重算的值与“提交后有变化”的指标、情况说明、流转记录");
        g.MapPut("/{id:guid}/narrative", async (Guid id, UpdateReportNarrative.Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await UpdateReportNarrative.Handle(id, input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.SubmitReports)
            .WithSummary("镇街填写情况说明（仅草稿；已提交或已锁定的返回 409）");
        g.MapPost("/{id:guid}/submit", async (Guid id, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await SubmitReport.Handle(id, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.SubmitReports)
            .WithSummary("镇街提交季报（季度结束后；按季末记录重算并冻结为快照）");
        g.MapPost("/{id:guid}/return", async (Guid id, ReturnReport.Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await ReturnReport.Handle(id, input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ApproveReports)
            .WithSummary("区民政局退回已提交的季报（须填写理由），季报回到草稿");
        g.MapPost("/{id:guid}/approval", async (Guid id, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await ApproveReport.Handle(id, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ApproveReports)
            .WithSummary("区民政局审定并锁定季报：记录快照的 SHA-256，之后任何人不能修改");
        g.MapGet("/{id:guid}/verification", async (Guid id, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await CheckReportSnapshot.Handle(id, user.Scope, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("校验锁定快照：重新计算 SHA-256 并与锁定时记录的比较");
        g.MapGet("/bulletin", async (string? quarter, AppDbContext db, CancellationToken ct) =>
                (await GetBulletin.Handle(quarter, db, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ReadBulletins)
            .WithSummary("季度通报（仅用已审定的季报）：镇街排名、红黄绿、2020年与2022年目标进展");
        g.MapGet("/bulletin/export.docx", async (string? quarter, [FromKeyedServices(ReadReplica.Key)] AppDbContext db, CancellationToken ct) =>
                (await ExportBulletin.Handle(quarter, db, ct)).ToResult(f => TypedResults.File(f.Content, BulletinDocument.ContentType, f.Name)))
            .RequireAuthorization(Roles.Policies.ReadBulletins)
            .WithSummary("下载季度通报（Word .docx，可编辑）");
        g.MapGet("/statistics/export.xlsx", async (string? quarter, [FromKeyedServices(ReadReplica.Key)] AppDbContext db, CancellationToken ct) =>
                (await ExportReportStatistics.Handle(quarter, db, ct))
                .ToResult(f => TypedResults.File(f.Content, SpreadsheetWriter.ContentType, f.Name)))
            .RequireAuthorization(Roles.Policies.ReadBulletins)
            .WithSummary("导出市级统计报表（Excel）：已审定季报的全部指标");
        return api;
    }
}
