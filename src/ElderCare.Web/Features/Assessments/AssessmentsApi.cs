using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;

namespace ElderCare.Web.Features.Assessments;

public static class AssessmentsApi
{
    public static RouteGroupBuilder MapAssessmentsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/elders/{id:guid}/assessments").WithTags("能力评估").RequireAuthorization(Roles.Policies.ReadElders);
        g.MapPost("/", async (Guid id, AssessmentInput input, CurrentUser user, AppDbContext db, FieldProtector protector, TimeProvider clock,
                CancellationToken ct) =>
                (await RecordAssessment.Handle(id, input, user, db, protector, clock, ct))
                .ToResult(a => TypedResults.Created($"/api/elders/{id}/assessments/{a.Id}", a)))
            .RequireAuthorization(Roles.Policies.AssessElders)
            .WithSummary("录入老年人能力评估（GB/T 42195-2022）：26 项评分，至少 2 名评估人员；返回总分、各维度分、初步等级与最终等级");
        g.MapGet("/", async (Guid id, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await RecordAssessment.History(id, user.Scope, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("评估历史（最新在前）；最新一次决定当前能力等级");
        api.MapPost("/elders/{id:guid}/condition-change", async (Guid id, RecordConditionChange.Input input, CurrentUser user, AppDbContext db,
                FieldProtector protector, TimeProvider clock, CancellationToken ct) =>
                (await RecordConditionChange.Handle(id, input, user, db, protector, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WriteElders)
            .WithTags("能力评估").WithSummary("登记身体状况变化：须立即重新评估（即时评估），评估前列入逾期名单");
        return api;
    }
}
