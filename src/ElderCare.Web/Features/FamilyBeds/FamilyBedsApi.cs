using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;

namespace ElderCare.Web.Features.FamilyBeds;

public static class FamilyBedsApi
{
    public static RouteGroupBuilder MapFamilyBedsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/family-beds").WithTags("家庭养老床位").RequireAuthorization(Roles.Policies.ReadFamilyBeds);
        g.MapGet("/", async ([AsParameters] ListFamilyBeds.Query query, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await ListFamilyBeds.Handle(query, user.Scope, db, clock, ct)).ToResult(TypedResults.Ok))
            .WithSummary("家庭养老床位列表，附当月照护计划执行情况（计划、已排、核验通过、未上门），分页");
        g.MapGet("/statistics", async (CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await GetFamilyBedStatistics.Handle(user.Scope, db, clock, ct)))
            .WithSummary("按养老服务中心统计在约床位数和当月计划、核验通过的上门次数");
        g.MapPost("/", async (RegisterFamilyBed.Input input, CurrentUser user, AppDbContext db, FamilyBedOptions options, TimeProvider clock,
                CancellationToken ct) =>
                (await RegisterFamilyBed.Handle(input, user, db, options, clock, ct))
                .ToResult(b => TypedResults.Created($"/api/family-beds/{b.Id}", b)))
            .RequireAuthorization(Roles.Policies.WriteFamilyBeds)
            .WithSummary("签约家庭养老床位：适老化改造清单、安装设备、照护计划（服务项目、每月上门次数）");
        g.MapPost("/{id:guid}/schedule", async (Guid id, string? month, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await RaiseCarePlanOrders.Handle(id, month, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WriteFamilyBeds)
            .WithSummary("按照护计划生成某月的上门服务工单（每月一次，重复生成返回 409）");
        return api;
    }
}
