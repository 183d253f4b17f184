using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;

namespace ElderCare.Web.Features.Assessments;

public static class AssessmentsApi
{
    public static RouteGroupBuilder MapAssessmentsApi(this RouteGroupBuilder api)
    {
        // Batch assignment of due reassessments (分配评估员), for the officials who arrange them.
        var due = api.MapGroup("/reassessments").WithTags("能力评估").RequireAuthorization(Roles.Policies.WriteElders);
        due.MapGet("/due", async ([AsParameters] ListDueReassessments.Query query, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await ListDueReassessments.Handle(query, user.Scope, db, clock, ct)).ToResult(TypedResults.Ok))
            .WithSummary("到期须重新评估的老年人（满 12 个月或身体状况变化后），withinDays 含今后若干天内到期的；附可分配的评估员");
        due.MapPost("/assignments", async (AssignReassessments.Input input, CurrentUser user, AppDbContext db, Audit.AuditLog audit,
                TimeProvider clock, CancellationToken ct) =>
                (await AssignReassessments.Handle(input, user, db, audit, clock, ct)).ToResult(TypedResults.Ok))
            .WithSummary("分配评估员：把所选老年人的重新评估交给一名评估员（须为辖区内有评估权限的账号），列入其待办；再次分配即改派");
        var g = api.MapGroup("/elders/{id:guid}/assessments").WithTags("能力评估").RequireAuthorization(Roles.Policies.ReadElders);
        g.MapPost("/", async (Guid id, AssessmentInput input, CurrentUser user, AppDbContext db, FieldProtector protector, TimeProvider clock,
                Infrastructure.Documents.DocumentOptions documents, CancellationToken ct) =>
                (await RecordAssessment.Handle(id, input, user, db, protector, clock, documents, ct))
                .ToResult(a => TypedResults.Created($"/api/elders/{id}/assessments/{a.Id}", a)))
            .RequireAuthorization(Roles.Policies.AssessElders)
            .WithSummary("录入老年人能力评估（GB/T 42195-2022）：26 项评分，至少 2 名评估人员；返回报告编号（文号）、总分、各维度分、初步等级与最终等级");
        g.MapGet("/", async (Guid id, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await ListAssessments.Handle(id, user.Scope, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("评估历史（最新在前）；最新一次决定当前能力等级");
        api.MapPost("/elders/{id:guid}/condition-change", async (Guid id, RecordConditionChange.Input input, CurrentUser user, AppDbContext db,
                FieldProtector protector, TimeProvider clock, CancellationToken ct) =>
                (await RecordConditionChange.Handle(id, input, user, db, protector, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WriteElders)
            .WithTags("能力评估").WithSummary("登记身体状况变化：须立即重新评估（即时评估），评估前列入逾期名单");
        var secondary = api.MapGroup("/elders/{id:guid}").WithTags("能力评估").RequireAuthorization(Roles.Policies.ReadElders);
        secondary.MapPost("/barthel", async (Guid id, BarthelInput input, CurrentUser user, AppDbContext db, FieldProtector protector,
                TimeProvider clock, CancellationToken ct) =>
                (await RecordBarthel.Handle(id, input, user, db, protector, clock, ct))
                .ToResult(a => TypedResults.Created($"/api/elders/{id}/secondary-assessments", a)))
            .RequireAuthorization(Roles.Policies.AssessElders)
            .WithSummary("录入 Barthel 指数（10 项，0–100）：返回总分与护理分级（无需 / 轻度 / 中度 / 重度依赖）");
        secondary.MapPost("/self-care", async (Guid id, SelfCareInput input, CurrentUser user, AppDbContext db, FieldProtector protector,
                TimeProvider clock, CancellationToken ct) =>
                (await RecordSelfCare.Handle(id, input, user, db, protector, clock, ct))
                .ToResult(a => TypedResults.Created($"/api/elders/{id}/secondary-assessments", a)))
            .RequireAuthorization(Roles.Policies.AssessElders)
            .WithSummary("特困人员生活自理能力认定（六项指标）：返回自理能力与照料护理档次（全自理 / 半护理 / 全护理）");
        secondary.MapGet("/secondary-assessments", async (Guid id, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await ListSecondaryAssessments.Handle(id, user.Scope, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Barthel 指数与特困人员生活自理能力记录（最新在前）");
        return api;
    }
}
