using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;

namespace ElderCare.Web.Features.Elders;

public static class PriorityRulesApi
{
    public static RouteGroupBuilder MapPriorityRulesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/priority-rules").WithTags("重点人群规则").RequireAuthorization(Roles.Policies.ReadElders);
        g.MapGet("/", async (AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await ListPriorityRules.Handle(db, clock, ct)))
            .WithSummary("重点人群规则：当前生效的规则（年龄、能力等级、居住情况、类别）及历次调整");
        g.MapPut("/{group}", async (
                string group, SavePriorityRule.Input input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await SavePriorityRule.Handle(group, input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.EditPriorityRules)
            .WithSummary("调整一个重点人群的规则，自生效日期起适用（仅区民政局；记入审计日志）");
        return api;
    }
}
