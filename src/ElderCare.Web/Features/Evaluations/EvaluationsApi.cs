using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;

namespace ElderCare.Web.Features.Evaluations;

/// <summary>Evaluations (三(二)(三)): templates, rounds, assignments, sheets, scores, submission, objection, approval.</summary>
public static class EvaluationsApi
{
    public static RouteGroupBuilder MapEvaluationsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/evaluations").WithTags("绩效评估").RequireAuthorization(Roles.Policies.ReadEvaluations);
        g.MapGet("/templates", async ([AsParameters] ListEvaluationTemplates.Query query, AppDbContext db, CancellationToken ct) =>
                (await ListEvaluationTemplates.Handle(query, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("评估模板（按年度版本）：指标分组、分值、评分方法、是否须佐证，等级分数线；未确认的标“待确认”");
        g.MapGet("/templates/{id:guid}", async (Guid id, AppDbContext db, CancellationToken ct) =>
                (await GetEvaluationTemplate.Handle(id, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("一个评估模板");
        g.MapPost("/templates/{id:guid}/confirm", async (Guid id, ConfirmEvaluationTemplate.Input input, CurrentUser user, AppDbContext db,
                TimeProvider clock, CancellationToken ct) =>
                (await ConfirmEvaluationTemplate.Handle(id, input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ManageEvaluations)
            .WithSummary("区民政局确认评估模板（去掉“待确认”，记录依据）");
        g.MapGet("/rounds", async (int? year, AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await ListEvaluationRounds.Handle(year, db, ct)))
            .WithSummary("评估批次列表");
        g.MapGet("/rounds/{id:guid}", async (Guid id, AppDbContext db, CancellationToken ct) =>
                (await GetEvaluationRound.Handle(id, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("一个评估批次");
        g.MapPost("/rounds", async (OpenEvaluationRound.Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await OpenEvaluationRound.Handle(input, user, db, clock, ct))
                .ToResult(r => TypedResults.Created($"/api/evaluations/rounds/{r.Id}", r)))
            .RequireAuthorization(Roles.Policies.ManageEvaluations)
            .WithSummary("开启评估批次（年度、类型、名称）");
        g.MapPost("/rounds/{id:guid}/assignments", async (Guid id, AssignEvaluations.Input input, CurrentUser user, AppDbContext db,
                TimeProvider clock, CancellationToken ct) =>
                (await AssignEvaluations.Handle(id, input, user, db, clock, ct))
                .ToResult(list => TypedResults.Created($"/api/evaluations?roundId={id}", list)))
            .RequireAuthorization(Roles.Policies.ManageEvaluations)
            .WithSummary("分配评估任务：设施 → 第三方评估机构与评估人员，每个设施每批次一份评估表");
        g.MapGet("/", async ([AsParameters] ListEvaluations.Query query, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await ListEvaluations.Handle(query, user, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("评估表列表（评估人员只见分配给自己的，服务机构只见本机构的，镇街只见本辖区的），分页");
        g.MapGet("/{id:guid}", async (Guid id, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await GetEvaluation.Handle(id, user, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("一份评估表：指标、得分、总分、等级、异议、审定");
        g.MapPut("/{id:guid}/scores", async (Guid id, RecordScores.Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await RecordScores.Handle(id, input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ScoreEvaluations)
            .WithSummary("评估人员录入指标得分、说明与佐证材料（草稿或有异议时）");
        g.MapPost("/{id:guid}/submit", async (Guid id, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await SubmitEvaluation.Handle(id, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ScoreEvaluations)
            .WithSummary("提交（或复核后重新提交）评估表：须每项指标已评分，要求佐证的指标须有佐证材料");
        g.MapPost("/{id:guid}/objection", async (Guid id, ObjectToEvaluation.Input input, CurrentUser user, AppDbContext db,
                TimeProvider clock, CancellationToken ct) =>
                (await ObjectToEvaluation.Handle(id, input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ObjectToEvaluations)
            .WithSummary("设施对已提交的评估提出异议（每份评估一次，须填写理由）");
        g.MapPost("/{id:guid}/approval", async (Guid id, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await ApproveEvaluation.Handle(id, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ManageEvaluations)
            .WithSummary("区民政局审定并锁定评估，按等级分数线写入评估结果；锁定后任何人不能修改");
        return api;
    }
}
