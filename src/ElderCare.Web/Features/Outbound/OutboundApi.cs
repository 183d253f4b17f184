using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;

namespace ElderCare.Web.Features.Outbound;

/// <summary>Webhook subscriptions and the delivery log (district admin), and the SMS gateway's delivery receipts (ADR 29).</summary>
public static class OutboundApi
{
    public static RouteGroupBuilder MapOutboundApi(this RouteGroupBuilder api)
    {
        var hooks = api.MapGroup("/webhooks").WithTags("事件订阅").RequireAuthorization(Roles.Policies.ManageWebhooks);
        hooks.MapGet("/", async (AppDbContext db, CancellationToken ct) => TypedResults.Ok(await ListWebhooks.Handle(db, ct)))
            .WithSummary("事件订阅列表（启用的在前）");
        hooks.MapGet("/events", () => TypedResults.Ok(OutboundEvents.Types.Select(t => new EventTypeResource(t.Key, t.Value)).ToList()))
            .WithSummary("可订阅的事件类型");
        hooks.MapPost("/", async (RegisterWebhook.Input input, CurrentUser user, AppDbContext db, FieldProtector protector, OutboundOptions options,
                TimeProvider clock, CancellationToken ct) =>
                (await RegisterWebhook.Handle(input, user, db, protector, options, clock, ct))
                .ToResult(c => TypedResults.Created($"/api/webhooks/{c.Subscription.Id}", c)))
            .WithSummary("新建事件订阅：接收地址（https）、事件、范围（区域编码，空为全区）；签名密钥仅此一次显示");
        hooks.MapGet("/{id:guid}", async (Guid id, AppDbContext db, CancellationToken ct) =>
                (await GetWebhook.Handle(id, db, ct)).ToResult(TypedResults.Ok))
            .WithSummary("事件订阅详情（不含密钥）");
        hooks.MapPost("/{id:guid}/disable", async (Guid id, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await DisableWebhook.Handle(id, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .WithSummary("停用事件订阅：不再推送，尚未发出的推送取消");

        api.MapGet("/outbound/deliveries", async ([AsParameters] ListDeliveries.Query query, AppDbContext db, FieldProtector protector,
                CancellationToken ct) =>
                (await ListDeliveries.Handle(query, db, protector, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ManageWebhooks)
            .WithTags("事件订阅")
            .WithSummary("推送与短信投递记录（按类型 sms/webhook、状态、事件、订阅筛选，分页；号码脱敏）");

        api.MapPost("/sms/receipts", async (HttpRequest request, AppDbContext db, SmsOptions options, TimeProvider clock, CancellationToken ct) =>
            {
                using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
                var body = await reader.ReadToEndAsync(ct);
                var outcome = await RecordSmsReceipt.Handle(body, request.Headers[Signing.TimestampHeader], request.Headers[Signing.SignatureHeader],
                    db, options, clock, ct);
                return outcome.Kind == OutcomeKind.Forbidden
                    ? TypedResults.Problem(title: "未通过验证", detail: outcome.Message, statusCode: StatusCodes.Status401Unauthorized)
                    : outcome.ToResult(TypedResults.Ok);
            })
            .AllowAnonymous()
            .DisableAntiforgery() // the gateway signs the body (HMAC); no cookie is involved
            .WithTags("事件订阅")
            .WithSummary("短信网关状态回执：请求头带时间戳与 HMAC-SHA256 签名（与推送相同的方案），更新短信的送达状态");
        return api;
    }
}
