using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;

namespace ElderCare.Web.Features.Elders;

public static class EldersApi
{
    public static RouteGroupBuilder MapEldersApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/elders").WithTags("老年人").RequireAuthorization(Roles.Policies.ReadElders);

        g.MapPost("/", async (ElderInput input, CurrentUser user, AppDbContext db, FieldProtector protector, ElderOptions options,
                TimeProvider clock, CancellationToken ct) =>
                (await RegisterElder.Handle(input, user, db, protector, options, clock, ct))
                    .ToResult(e => TypedResults.Created($"/api/elders/{e.Id}", e)))
            .RequireAuthorization(Roles.Policies.WriteElders)
            .WithSummary("登记老年人：由身份证号推出出生日期、性别、年龄；身份证号和电话加密存储、脱敏显示");

        g.MapGet("/", async ([AsParameters] ListElders.Query query, CurrentUser user, AppDbContext db, FieldProtector protector,
                TimeProvider clock, CancellationToken ct) =>
                (await ListElders.Handle(query, user.Scope, db, protector, clock, ct)).ToResult(TypedResults.Ok))
            .WithSummary("老年人列表：按区域（含下级）、年龄段、能力等级、类别、居住情况、未评估、评估逾期筛选，分页");

        g.MapGet("/priority", async (string? regionCode, string? group, int? page, int? pageSize, CurrentUser user, AppDbContext db,
                FieldProtector protector, TimeProvider clock, CancellationToken ct) =>
                (await ListPriorityElders.Handle(regionCode, group, page, pageSize, user.Scope, db, protector, clock, ct)).ToResult(TypedResults.Ok))
            .WithSummary("重点老年人名单：按当前生效的重点人群规则（高龄、失能、半失能、特困、低保、留守、独居/空巢、失独、残疾），附所属人群和规则；未评估的排在前面");

        g.MapGet("/statistics", async (CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await GetElderStatistics.Handle(user.Scope, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ReadCoverage)
            .WithSummary("老年人统计：按镇街（镇街用户按村社区）分年龄段、能力等级、类别，以及重点老年人中已有有效评估的人数");

        // POST, not GET: an ID number in the URL ends up in access logs, proxies and browser history (PIPL; ADR 14).
        g.MapPost("/lookup", async (GetElder.LookupInput input, HttpContext http, CurrentUser user, AppDbContext db, FieldProtector protector,
                TimeProvider clock, CancellationToken ct) =>
            {
                http.Items[AuditWrites.SkipKey] = true; // a read
                return (await GetElder.ByIdNumber(input.IdNumber, user.Scope, db, protector, clock, ct)).ToResult(TypedResults.Ok);
            })
            .WithSummary("按身份证号精确查找：身份证号放在请求体 {\"idNumber\": …} 中，不进 URL（经盲索引，不以明文查询）");

        g.MapGet("/{id:guid}", async (
                Guid id, CurrentUser user, AppDbContext db, FieldProtector protector, TimeProvider clock, CancellationToken ct) =>
                (await GetElder.Handle(id, user.Scope, db, protector, clock, ct)).ToResult(TypedResults.Ok))
            .WithSummary("老年人详情（身份证号、电话脱敏）");

        g.MapPut("/{id:guid}", async (Guid id, ElderInput input, CurrentUser user, AppDbContext db, FieldProtector protector, ElderOptions options,
                TimeProvider clock, CancellationToken ct) =>
                (await UpdateElder.Handle(id, input, user, db, protector, options, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WriteElders)
            .WithSummary("修改老年人信息（乐观并发：版本不符返回 409）");

        g.MapPost("/{id:guid}/unmask", async (Guid id, UnmaskElder.Input input, CurrentUser user, AppDbContext db, FieldProtector protector,
                AuditLog audit, CancellationToken ct) =>
                (await UnmaskElder.Handle(id, input, user, db, protector, audit, ct)).ToResult(TypedResults.Ok))
            .WithSummary("查看完整身份证号或电话：须有权限并填写理由，记入审计日志");
        return api;
    }
}
