using Microsoft.AspNetCore.Mvc;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;

namespace ElderCare.Web.Features.Tasks;

public static class TasksApi
{
    public static RouteGroupBuilder MapTasksApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/tasks").WithTags("任务清单").RequireAuthorization(Roles.Policies.ReadTasks);
        g.MapGet("/", async ([AsParameters] ListTasks.Query query, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await ListTasks.Handle(query, user.Scope, db, clock, ct)).ToResult(TypedResults.Ok))
            .WithSummary("任务清单：按镇街或村社区（regionCode）、状态、类型、是否逾期筛选，按截止日期排序，分页");
        g.MapGet("/export", async ([AsParameters] ListTasks.Query query, CurrentUser user,
                [FromKeyedServices(ReadReplica.Key)] AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await ExportTasks.Handle(query, user.Scope, db, clock, ct))
                .ToResult(bytes => TypedResults.File(bytes, SpreadsheetWriter.ContentType, "任务清单.xlsx")))
            .WithSummary("按相同筛选条件导出任务清单（Excel；超过 10,000 条时拒绝导出，请缩小筛选范围）");
        g.MapGet("/{id:guid}", async (Guid id, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await GetTask.Handle(id, user.Scope, db, clock, ct)).ToResult(TypedResults.Ok))
            .WithSummary("任务详情，附升级记录和证明材料");
        g.MapPost("/", async (RegisterTask.Input input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await RegisterTask.Handle(input, user, db, clock, ct)).ToResult(t => TypedResults.Created($"/api/tasks/{t.Id}", t)))
            .RequireAuthorization(Roles.Policies.ManageTasks)
            .WithSummary("区级下达任务：镇街或村社区（或设施）、任务名称、类型、责任人（姓名、电话、职务）、截止日期");
        g.MapPut("/{id:guid}", async (Guid id, UpdateTask.Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await UpdateTask.Handle(id, input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WorkTasks)
            .WithSummary("修改任务（须带 version）：镇街、服务机构可填写责任人；名称、类型、截止日期由区级修改（否则 403）");
        g.MapPost("/{id:guid}/status", async (Guid id, AdvanceTask.Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await AdvanceTask.Handle(id, input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WorkTasks)
            .WithSummary("改变任务状态（open、in-progress、done、cancelled，须带 version）")
            .WithDescription("不允许的状态变化返回 409；取消由区级决定（否则 403）；建设站点、整改问题须先有证明材料才能完成（400，字段 status）。");
        g.MapPost("/{id:guid}/evidence", async (Guid id, AttachTaskEvidence.Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await AttachTaskEvidence.Handle(id, input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WorkTasks)
            .WithSummary("为任务附上证明材料（先经 POST /api/evidence 上传，再提交 evidenceId）");
        g.MapPost("/generate", async (CurrentUser user, AppDbContext db, TaskOptions options, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await RaiseGapTasks.Handle(user.UserName ?? "", db, options, clock, ct)))
            .RequireAuthorization(Roles.Policies.ManageTasks)
            .WithSummary("按覆盖缺口、附件1未达标项、待确认规划行生成任务（幂等：重复运行不新增；差距消除的任务自动关闭）");
        g.MapGet("/duties", async (string? unitCode, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await ListDuties.Handle(unitCode, user.Scope, db, clock, ct)).ToResult(TypedResults.Ok))
            .WithSummary("责任清单（三(一)：履职照单免责、失职照单问责）：各角色职责、逾期升级级别、本镇街责任人及其在办和逾期任务数");
        return api;
    }
}
