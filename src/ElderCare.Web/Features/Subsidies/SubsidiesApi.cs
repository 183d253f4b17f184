using Microsoft.AspNetCore.Mvc;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Spreadsheets;

namespace ElderCare.Web.Features.Subsidies;

/// <summary>The money cycle (三(二)(三)): rules, claims, town review, district approval, payment batches, payment, placements, lottery fund.</summary>
public static class SubsidiesApi
{
    public static RouteGroupBuilder MapSubsidiesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/subsidies").WithTags("补贴与经费").RequireAuthorization(Roles.Policies.ReadSubsidies);
        g.MapGet("/rules", async (AppDbContext db, CancellationToken ct) => TypedResults.Ok(await ListSubsidyRules.Handle(db, ct)))
            .WithSummary("补贴与费用标准（按生效日期；政策未规定的数值标“待确认”）");
        g.MapPost("/rules/{id:guid}/confirm", async (Guid id, ConfirmSubsidyRule.Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) => (await ConfirmSubsidyRule.Handle(id, input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ManageSubsidies)
            .WithSummary("确认占位标准（去掉“待确认”，记录依据与确认人）");
        g.MapPost("/rules/{id:guid}/revisions", async (Guid id, ReviseSubsidyRule.Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) => (await ReviseSubsidyRule.Handle(id, input, user, db, clock, ct))
                .ToResult(r => TypedResults.Created("/api/subsidies/rules", r)))
            .RequireAuthorization(Roles.Policies.ManageSubsidies)
            .WithSummary("自某日起执行新标准（现行标准于前一日停止；已申报款项不改，重新申报时冲销并按新标准申报）");
        g.MapGet("/summary", async (int? year, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await GetMoneySummary.Handle(year, user.Scope, db, clock, ct)))
            .WithSummary("某年度资金（冲销后净额）：已申报、已审批、已支付，及规划全部建成后的以奖代补与年运营补贴");
        g.MapGet("/ledger", async ([AsParameters] ListLedger.Query query, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await ListLedger.Handle(query, user.Scope, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("资金台账：每笔金额、计算说明、依据与状态，分页（镇街只见本镇街，服务机构只见本机构）");
        g.MapGet("/ledger/export", async ([AsParameters] ListLedger.Query query, CurrentUser user,
                [FromKeyedServices(ReadReplica.Key)] AppDbContext db, CancellationToken ct) =>
                (await ExportLedger.Handle(query, user.Scope, db, ct)).ToResult(x => TypedResults.File(x, SpreadsheetWriter.ContentType,
                    $"资金台账{(query.Year is { } y ? $"-{y}" : "")}.xlsx")))
            .WithSummary("导出资金台账（Excel，金额以元计两位小数；可按年度、镇街、设施、批次筛选）");
        g.MapPost("/claims", async (RaiseClaims.Input input, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await RaiseClaims.Handle(input, clock, db, ct)).ToResult(r => TypedResults.Created($"/api/subsidies/ledger?year={r.Year}", r)))
            .RequireAuthorization(Roles.Policies.ManageSubsidies)
            .WithSummary("按年度计算并申报应付款项（已申报的不重复；依据变更的冲销后重新申报）");
        g.MapPost("/claims/review", async (LineSelection input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await ReviewClaims.Handle(input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ReviewSubsidies)
            .WithSummary("镇街审核本镇街的已申报账目");
        g.MapPost("/claims/approve", async (LineSelection input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await ApproveClaims.Handle(input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ManageSubsidies)
            .WithSummary("区民政局审批镇街已审核的账目");
        g.MapGet("/batches", async (AppDbContext db, CancellationToken ct) => TypedResults.Ok(await ListPaymentBatches.Handle(db, ct)))
            .RequireAuthorization(Roles.Policies.ManageSubsidies)
            .WithSummary("支付批次列表");
        g.MapGet("/batches/{id:guid}", async (Guid id, AppDbContext db, CancellationToken ct) =>
                (await GetPaymentBatch.Handle(id, db, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ManageSubsidies)
            .WithSummary("支付批次");
        g.MapGet("/batches/{id:guid}/export", async Task<IResult> (Guid id, CurrentUser user,
                [FromKeyedServices(ReadReplica.Key)] AppDbContext db, CancellationToken ct) =>
            {
                var batch = await GetPaymentBatch.Handle(id, db, ct);
                if (!batch.IsOk) return batch.ToResult(TypedResults.Ok);
                var query = new ListLedger.Query { BatchId = id };
                return (await ExportLedger.Handle(query, user.Scope, db, ct)).ToResult(x =>
                    TypedResults.File(x, SpreadsheetWriter.ContentType, $"支付批次-{batch.Value!.Number}.xlsx"));
            })
            .RequireAuthorization(Roles.Policies.ManageSubsidies)
            .WithSummary("导出支付批次明细（Excel）");
        g.MapPost("/batches", async (RaisePaymentBatch.Input input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await RaisePaymentBatch.Handle(input, user, db, clock, ct)).ToResult(b => TypedResults.Created($"/api/subsidies/batches/{b.Id}", b)))
            .RequireAuthorization(Roles.Policies.ManageSubsidies)
            .WithSummary("将已审批账目按资金来源编入支付批次");
        g.MapPost("/batches/{id:guid}/payment", async (Guid id, RecordPayment.Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await RecordPayment.Handle(id, input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ManageSubsidies)
            .WithSummary("登记批次支付（凭证号、支付日期）；已支付的不能再次支付");
        g.MapGet("/placements/{id:guid}", async (Guid id, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await GetPlacement.Handle(id, user.Scope, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("特困人员集中供养安置");
        g.MapPost("/placements", async (RegisterPlacement.Input input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await RegisterPlacement.Handle(input, user, db, clock, ct))
                .ToResult(p => TypedResults.Created($"/api/subsidies/placements/{p.Id}", p)))
            .RequireAuthorization(Roles.Policies.WritePlacements)
            .WithSummary("登记特困人员集中供养安置（入住机构、日期）");
        g.MapPost("/placements/{id:guid}/end", async (Guid id, EndPlacement.Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await EndPlacement.Handle(id, input, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WritePlacements)
            .WithSummary("结束特困人员集中供养安置（离开日期）");
        g.MapGet("/lottery-fund/{year:int}", async (int year, AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await GetLotteryFundShare.Handle(year, db, ct)))
            .RequireAuthorization(Roles.Policies.ManageSubsidies)
            .WithSummary("福彩公益金用于养老服务的比例（目标不低于 80%）");
        g.MapPut("/lottery-fund/{year:int}", async (int year, SaveLotteryFund.Input input, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                (await SaveLotteryFund.Handle(year, input, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ManageSubsidies)
            .WithSummary("录入某年区级留存福彩公益金金额");
        return api;
    }
}
