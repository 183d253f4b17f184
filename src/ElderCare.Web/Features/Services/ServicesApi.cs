using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;

namespace ElderCare.Web.Features.Services;

public static class ServicesApi
{
    public static RouteGroupBuilder MapServicesApi(this RouteGroupBuilder api)
    {
        MapCatalogue(api.MapGroup("/service-items").WithTags("服务目录").RequireAuthorization(Roles.Policies.ReadServices));
        MapProviders(api.MapGroup("/providers").WithTags("服务机构与人员").RequireAuthorization(Roles.Policies.ReadServices));
        MapWorkers(api.MapGroup("/workers").WithTags("服务机构与人员").RequireAuthorization(Roles.Policies.ReadServices));
        var orders = api.MapGroup("/orders").WithTags("服务工单").RequireAuthorization(Roles.Policies.ReadServices);
        MapOrders(orders);
        MapVisits(orders);
        MapComplaintsAndFollowUps(api, orders);
        return api;
    }

    private static void MapCatalogue(RouteGroupBuilder items)
    {
        items.MapGet("/", async (string? on, bool? all, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await ListServiceItems.Handle(on, all == true, db, clock, ct)))
            .WithSummary("服务目录（GB/T 43153-2023 七类）：单位、标准时长、价格（分）、所需资质、政府购买对象与每月额度；默认为今日有效的版本");
        items.MapPut("/{id:guid}", async (Guid id, UpdateServiceItem.Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await UpdateServiceItem.Handle(id, input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.EditCatalogue)
            .WithSummary("修改服务项目：effectiveFrom 晚于当前版本时生成新版本（旧版本到前一日止）；改动价格或额度即视为区民政局确认");
        items.MapPost("/{id:guid}/confirm", async (Guid id, ConfirmServiceItem.Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await ConfirmServiceItem.Handle(id, input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.EditCatalogue)
            .WithSummary("区民政局确认某版本的价格与每月额度（source 填写依据，如文件文号），确认后不再显示“待确认”");
    }

    private static void MapProviders(RouteGroupBuilder providers)
    {
        providers.MapGet("/", async (CurrentUser user, AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await ListProviders.Handle(user.Scope, db, ct)))
            .WithSummary("服务机构列表（按数据范围）");
        providers.MapPost("/", async (RegisterProvider.Input input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await RegisterProvider.Handle(input, user.Scope, db, clock, ct))
                .ToResult(p => TypedResults.Created($"/api/providers/{p.Id}", p)))
            .RequireAuthorization(Roles.Policies.ManageProviders)
            .WithSummary("登记服务机构：已登记的设施（facilityId）或注册的社会组织（名称、所在镇街、统一社会信用代码）");
        providers.MapPut("/{id:guid}", async (Guid id, UpdateProvider.Input input, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await UpdateProvider.Handle(id, input, user.Scope, db, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ManageProviders)
            .WithSummary("修改服务机构：名称、是否在用；社会组织另可改所在镇街与统一社会信用代码");
    }

    private static void MapWorkers(RouteGroupBuilder workers)
    {
        workers.MapGet("/", async ([AsParameters] ListWorkers.Query query, CurrentUser user, AppDbContext db, FieldProtector protector,
                CancellationToken ct) =>
                (await ListWorkers.Handle(query, user.Scope, db, protector, ct)).ToResult(TypedResults.Ok))
            .WithSummary("服务人员列表（电话脱敏）：按机构、姓名筛选，sort 为 name、kind 或 active，dir 为 asc 或 desc；护理员只看到本人");
        workers.MapPost("/", async (RegisterWorker.Input input, CurrentUser user, AppDbContext db, FieldProtector protector, ServiceOptions options,
                TimeProvider clock, CancellationToken ct) =>
                (await RegisterWorker.Handle(input, user.Scope, db, protector, options, clock, ct))
                .ToResult(w => TypedResults.Created($"/api/workers/{w.Id}", w)))
            .RequireAuthorization(Roles.Policies.ManageWorkers)
            .WithSummary("登记服务人员：资质与证书（有效期）、服务区域、每周工作时段、出发位置、关联护理员账号；电话加密存储");
        workers.MapPut("/{id:guid}", async (Guid id, UpdateWorker.Input input, CurrentUser user, AppDbContext db, FieldProtector protector,
                ServiceOptions options, CancellationToken ct) =>
                (await UpdateWorker.Handle(id, input, user.Scope, db, protector, options, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ManageWorkers)
            .WithSummary("修改服务人员（整条替换，电话留空则不变，用户名留空则解除关联）；资质、证书、服务区域、工作时段、出发位置、是否在岗");
    }

    private static void MapOrders(RouteGroupBuilder orders)
    {
        orders.MapGet("/", async ([AsParameters] ListOrders.Query query, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await ListOrders.Handle(query, user.Scope, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("工单列表：按状态、核验结果、机构、人员、老年人、区域、日期、迟到筛选，分页");
        orders.MapGet("/report", async (string? month, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await VisitReport.Handle(month, user.Scope, db, clock, ct)).ToResult(TypedResults.Ok))
            .WithSummary("月度上门服务报表：按机构统计工单、完成、核验通过、存疑、迟到、未上门和核验通过的补贴金额");
        orders.MapPost("/quote", async (RaiseOrder.Input input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await RaiseOrder.Quote(input, user.Scope, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WriteOrders)
            .WithSummary("试算补贴：与下单相同的输入，返回价格、补贴、自付和本月已用额度，不保存");
        orders.MapPost("/", async (RaiseOrder.Input input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await RaiseOrder.Handle(input, user, db, clock, ct)).ToResult(o => TypedResults.Created($"/api/orders/{o.Id}", o)))
            .RequireAuthorization(Roles.Policies.WriteOrders)
            .WithSummary("下单：为辖区内老年人预约服务项目和时段，立即计算补贴和自付金额");
        orders.MapGet("/{id:guid}", async (Guid id, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await GetOrder.Handle(id, user.Scope, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("工单详情：状态流转（谁、何时）、签到签退、核验结果与每条存疑原因");
        orders.MapGet("/{id:guid}/suggestions", async (Guid id, int? take, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await SuggestWorkers.Handle(id, take, user.Scope, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WriteOrders)
            .WithSummary("派单建议：有效资质、时段可用、服务该区域、无冲突；老客户优先上次的服务人员，其余按距离");
        orders.MapPost("/{id:guid}/assign", async (Guid id, AssignOrder.Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
                AuditLog audit, CancellationToken ct) =>
                (await AssignOrder.Handle(id, input, user, db, clock, audit, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WriteOrders)
            .WithSummary("派单：确认建议，或填写理由人工指定未列入建议的人员（工单标记、审计）；时段冲突的人员不能派");
        orders.MapPost("/{id:guid}/rating", async (Guid id, RateOrder.Input input, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await RateOrder.Handle(id, input, user, db, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WriteOrders)
            .WithSummary("满意度评价 1–5 分");
        MapClose(orders, "/{id:guid}/cancel", OrderAction.Cancel, "取消工单（服务开始前），须填写原因");
        MapClose(orders, "/{id:guid}/missed", OrderAction.Miss, "登记未上门，须填写原因");
    }

    /// <summary>Cancel and missed visit are the one close with a different action.</summary>
    private static void MapClose(RouteGroupBuilder orders, string pattern, OrderAction action, string summary) =>
        orders.MapPost(pattern, async (Guid id, CloseOrder.Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await CloseOrder.Handle(id, action, input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WriteOrders)
            .WithSummary(summary);

    private static void MapVisits(RouteGroupBuilder orders)
    {
        orders.MapPost("/{id:guid}/check-in", async (Guid id, RecordVisit.ClockInput input, CurrentUser user, AppDbContext db,
                FieldProtector protector, ServiceOptions options, TimeProvider clock, CancellationToken ct) =>
                (await RecordVisit.CheckIn(id, input, user, db, protector, options, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.DeliverVisits)
            .WithSummary("签到：位置与时间；生成老年人确认码（散列存储，经家属渠道告知）");
        orders.MapPost("/{id:guid}/check-out", async (Guid id, RecordVisit.CheckOutInput input, CurrentUser user, AppDbContext db,
                ServiceOptions options, TimeProvider clock, Evidence.IEvidenceStore store, Evidence.EvidenceOptions evidence, CancellationToken ct) =>
                (await RecordVisit.CheckOut(id, input, user, db, options, clock, store, evidence, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.DeliverVisits)
            .WithSummary("签退：位置、时间、服务记录；时长偏差 ≥ 15 分钟须说明原因；须老人签名（signature，PNG）或已用确认码确认；" +
                         "勾选服务步骤（checklist）；手工填写位置须说明原因（存疑）；随即核验（电子围栏、时长、重叠、确认码、步骤）");
        orders.MapPost("/{id:guid}/confirm", async (Guid id, RecordVisit.ConfirmInput input, CurrentUser user, AppDbContext db,
                FieldProtector protector, ServiceOptions options, TimeProvider clock, CancellationToken ct) =>
                (await RecordVisit.Confirm(id, input, user, db, protector, options, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.DeliverVisits)
            .WithSummary("输入老年人或家属的一次性确认码；错误 5 次锁定");
        orders.MapGet("/{id:guid}/confirmation-code", async (Guid id, CurrentUser user, AppDbContext db, FieldProtector protector,
                CancellationToken ct) =>
                (await RecordVisit.Code(id, user.Scope, db, protector, ct)).ToResult(code => TypedResults.Ok(new ConfirmationCode(code))))
            .RequireAuthorization(Roles.Policies.WriteOrders)
            .WithSummary("家属渠道：查看尚未使用的确认码，以便电话告知老年人或家属（服务人员无权查看）");
        orders.MapPost("/{id:guid}/review", async (Guid id, ReviewVisit.Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await ReviewVisit.Handle(id, input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ReviewVisits)
            .WithSummary("复核存疑服务（区、镇街工作人员）：accepted（须写理由，此后计为核验通过，存疑原因保留并显示复核人、日期、理由）"
                + "或 rejected；每次服务只复核一次");
    }

    private static void MapComplaintsAndFollowUps(RouteGroupBuilder api, RouteGroupBuilder orders)
    {
        orders.MapPost("/{id:guid}/complaints", async (Guid id, RaiseComplaint.Input input, CurrentUser user, AppDbContext db,
                ServiceOptions options, TimeProvider clock, CancellationToken ct) =>
                (await RaiseComplaint.Handle(id, input, user, db, options, clock, ct))
                .ToResult(c => TypedResults.Created($"/api/complaints/{c.Id}", c)))
            .RequireAuthorization(Roles.Policies.WriteOrders)
            .WithSummary("登记投诉：严重 3 天、一般 7 天、轻微 15 天内办结");

        var complaints = api.MapGroup("/complaints").WithTags("投诉与回访").RequireAuthorization(Roles.Policies.WriteOrders);
        complaints.MapGet("/", async ([AsParameters] ListComplaints.Query query, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await ListComplaints.Handle(query, user.Scope, db, clock, ct)).ToResult(TypedResults.Ok))
            .WithSummary("投诉列表（分页）；open=true 只列未办结，overdue=true 只列逾期未办结（已升级）的投诉，severity 按严重程度；" +
                         "sort 为 state、due、received 或 severity，dir 为 asc 或 desc");
        complaints.MapPost("/{id:guid}/resolve", async (Guid id, CloseComplaint.Input input, CurrentUser user, AppDbContext db,
                TimeProvider clock, CancellationToken ct) =>
                (await CloseComplaint.Handle(id, input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .WithSummary("办结投诉");

        var followUps = api.MapGroup("/follow-ups").WithTags("投诉与回访").RequireAuthorization(Roles.Policies.WriteOrders);
        followUps.MapGet("/", async ([AsParameters] ListFollowUps.Query query, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await ListFollowUps.Handle(query, user.Scope, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("回访队列（分页）：按比例随机抽取的已完成工单；pending=true 只列尚未回访的");
        followUps.MapPost("/{id:guid}", async (Guid id, RecordFollowUp.Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await RecordFollowUp.Handle(id, input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .WithSummary("记录回访结果：是否联系上、服务是否发生、是否满意");
    }

    /// <summary>The visit's one-time confirmation code, for the family channel.</summary>
    public sealed record ConfirmationCode(string Code);
}
