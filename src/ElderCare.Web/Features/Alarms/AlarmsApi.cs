using Microsoft.AspNetCore.Mvc;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.OpenApi;
using ElderCare.Web.Infrastructure.Spreadsheets;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Alarms;

public static class AlarmsApi
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static RouteGroupBuilder MapAlarmsApi(this RouteGroupBuilder api)
    {
        var devices = api.MapGroup("/devices").WithTags("紧急救援");
        devices.MapPost("/", async (RegisterDevice.Input input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await RegisterDevice.Handle(input, user, db, clock, ct)).ToResult(d => TypedResults.Created($"/api/devices/{d.Id}", d)))
            .RequireAuthorization(Roles.Policies.ManageDevices)
            .WithSummary("登记设备：绑定老年人；返回的设备密钥 key 只显示这一次（服务器只存其哈希）");
        devices.MapGet("/", async ([AsParameters] ListDevices.Query query, CurrentUser user, AppDbContext db, AlarmOptions options,
                TimeProvider clock, CancellationToken ct) =>
                (await ListDevices.Handle(query, user.Scope, db, options, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ManageDevices)
            .WithSummary("设备列表：offline=true 列出超过该类设备心跳间隔未上线的设备；可按区域、类型、老年人筛选，分页");
        devices.MapPost("/heartbeat", async (HttpContext http, AppDbContext db, AlarmOptions options, TimeProvider clock, CancellationToken ct) =>
            {
                http.Items[AuditWrites.SkipKey] = true;
                return await DeviceAuth.AuthenticateAsync(http.Request, db, ct) is { } device
                    ? Results.Ok(await RecordHeartbeat.Handle(device, db, options, clock, ct))
                    : DeviceAuth.Unauthorized();
            })
            .AllowAnonymous()
            .WithMetadata(new DeviceKeyMetadata()) // openapi: the deviceKey security scheme
            .Produces<RecordHeartbeat.Answer>()
            .WithSummary("设备心跳（请求头 X-Device-Key）");

        var alarms = api.MapGroup("/alarms").WithTags("紧急救援");
        alarms.MapPost("/", Raise)
            .AllowAnonymous() // a device key or a staff session; checked in Raise
            // openapi: Raise reads its body and answers itself, so the document is told what it accepts and answers
            .WithMetadata(new DeviceKeyMetadata(OrSignedIn: true))
            .Accepts<RaiseAlarm.Input>("application/json")
            .Produces<AlarmResource>(StatusCodes.Status201Created)
            .Produces<AlarmResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .AddOpenApiOperationTransformer((op, _, _) =>
            {
                op.Parameters ??= [];
                op.Parameters.Add(new Microsoft.OpenApi.OpenApiParameter
                {
                    Name = "Idempotency-Key", In = Microsoft.OpenApi.ParameterLocation.Header, Required = true,
                    Description = "每次报警一个新键；重试时用同一个键",
                    Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String },
                });
                return Task.CompletedTask;
            })
            .WithSummary("报警：设备（X-Device-Key）或值班人员电话接警（须 elderId）；必须带 Idempotency-Key。先落库再应答：首次 201，" +
                         "同键同内容重试返回 200 和同一报警（响应头 Idempotent-Replayed: true），同键不同内容 422；单设备过频 429");
        alarms.MapGet("/", async ([AsParameters] ListAlarms.Query query, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await ListAlarms.Handle(query, user.Scope, db, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.HandleAlarms)
            .WithSummary("报警列表：open=true 为未处置的报警（控制台重连后据此重读），可按状态、区域筛选，分页");
        alarms.MapGet("/{id:guid}", async (Guid id, CurrentUser user, AppDbContext db, CancellationToken ct) =>
                (await GetAlarm.Handle(id, user.Scope, db, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.HandleAlarms)
            .WithSummary("报警详情：各环节的时间和经办人");
        foreach (var (path, action, summary) in new[]
                 {
                     ("acknowledge", AlarmAction.Acknowledge, "接警"),
                     ("dispatch", AlarmAction.Dispatch,
                         "派单：responder 为 station-helper、caregiver、family-contact、handoff120 或 handoff110，本方人员须填 responderName"),
                     ("on-site", AlarmAction.ArriveOnSite, "确认到场：可带 location，与老人住址比对距离（超出半径只标记不拒绝）"),
                     ("resolve", AlarmAction.Resolve, "处置完毕：outcome 为 real-emergency、false-alarm 或 test"),
                 })
        {
            alarms.MapPost($"/{{id:guid}}/{path}", async (Guid id, AdvanceAlarm.Input? input, CurrentUser user, AppDbContext db, AlarmOptions options,
                    TimeProvider clock, AlarmBroadcast broadcast, CancellationToken ct) =>
                {
                    var step = input ?? new(null, null, null, null, null, null);
                    var outcome = await AdvanceAlarm.Handle(id, action, step, user, db, options, clock, ct);
                    if (outcome.IsOk) await broadcast.SendAsync(outcome.Value!, UnitOf(outcome.Value!), path, clock.UtcNow());
                    return outcome.ToResult(TypedResults.Ok);
                })
                .RequireAuthorization(Roles.Policies.HandleAlarms)
                .WithSummary(summary);
        }
        alarms.MapPost("/{id:guid}/contact-phone", async (Guid id, UnmaskContact.Input input, CurrentUser user, AppDbContext db,
                Infrastructure.Privacy.FieldProtector protector, AuditLog audit, CancellationToken ct) =>
                (await UnmaskContact.Handle(id, input, user, db, protector, audit, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.HandleAlarms)
            .WithSummary("查看报警老人紧急联系人的完整号码：contact 为联系人序号（从 0 开始）；仅限未处置的报警，以该报警为理由记入审计日志");
        alarms.MapGet("/report", async (string? from, string? to, CurrentUser user, AppDbContext db, AlarmOptions options, TimeProvider clock,
                CancellationToken ct) => (await AlarmReport.Handle(from, to, user.Scope, db, options, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.ReadAlarmReports)
            .WithSummary("处置时效报表：按月、按站点的 60 秒内接警率、3 分钟内接警率、到场用时中位数和 90 分位、误报率");
        alarms.MapGet("/report/export.xlsx", async Task<IResult> (string? from, string? to, CurrentUser user,
                [FromKeyedServices(ReadReplica.Key)] AppDbContext db, AlarmOptions options,
                TimeProvider clock, CancellationToken ct) =>
            {
                var outcome = await AlarmReport.Handle(from, to, user.Scope, db, options, clock, ct);
                return outcome.IsOk
                    ? TypedResults.File(AlarmReport.ToExcel(outcome.Value!), SpreadsheetWriter.ContentType,
                        $"紧急救援处置时效-{outcome.Value!.From:yyyyMMdd}-{outcome.Value!.To:yyyyMMdd}.xlsx")
                    : outcome.ToResult(TypedResults.Ok);
            })
            .RequireAuthorization(Roles.Policies.ReadAlarmReports)
            .WithSummary("处置时效报表导出 Excel");
        return api;
    }

    private static string UnitOf(AlarmResource a) => Regions.Region.UnitOf(a.RegionCode) ?? a.RegionCode;

    // A database that cannot store the alarm (busy, locked, gone) throws; the global handler answers 503 + Retry-After
    // (DatabaseUnavailable, ADR 16): nothing was acknowledged, the device retries with the same key.
    private static async Task<IResult> Raise(HttpContext http, CurrentUser user, AppDbContext db, DeviceRateLimiter limiter, AlarmWriteGate gate,
        TimeProvider clock, AlarmBroadcast broadcast, Infrastructure.Telemetry.ElderCareMetrics metrics, CancellationToken ct)
    {
        var started = clock.GetTimestamp(); // Telemetry (ADR 32): the intake time
        RaiseAlarm.Caller caller;
        if (DeviceAuth.Presented(http.Request))
        {
            http.Items[AuditWrites.SkipKey] = true; // the alarm row is the record of a device's request
            if (await DeviceAuth.AuthenticateCallerAsync(http.Request, db, ct) is not { } device) return DeviceAuth.Unauthorized();
            caller = device;
        }
        else if (!user.IsAuthenticated || user.Id is null)
            return TypedResults.Problem(statusCode: 401, detail: "请使用设备密钥（X-Device-Key）或登录后报警。");
        else if (!Roles.Allows(http.User, Roles.Policies.HandleAlarms))
            return TypedResults.Problem(statusCode: 403, detail: "当前角色无权录入报警。");
        else caller = new(null, user);

        RaiseAlarm.Input? input;
        try
        {
            input = http.Request.HasJsonContentType()
                ? await http.Request.ReadFromJsonAsync<RaiseAlarm.Input>(ct)
                : throw new BadHttpRequestException("body", StatusCodes.Status415UnsupportedMediaType);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new BadHttpRequestException("Failed to read parameter from JSON body.", 400, e);
        }
        var answer = await RaiseAlarm.Handle(input, http.Request.Headers["Idempotency-Key"].ToString(), caller, db, limiter, gate, clock, ct);
        switch (answer.Result)
        {
            case RaiseAlarm.Result.KeyReused:
                return TypedResults.Problem(statusCode: 422, title: "Idempotency-Key 已被使用",
                    detail: answer.Outcome.Errors!.Entries.First().Value[0],
                    extensions: new Dictionary<string, object?> { ["errors"] = answer.Outcome.Errors.ToDictionary() });
            case RaiseAlarm.Result.RateLimited:
                http.Response.Headers.RetryAfter = answer.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(statusCode: 429, detail: answer.Outcome.Message);
            case RaiseAlarm.Result.Replayed:
                http.Response.Headers[ReplayedHeader] = "true";
                return TypedResults.Ok(answer.Outcome.Value);
        }
        if (!answer.Outcome.IsOk) return answer.Outcome.ToResult(TypedResults.Ok);
        var alarm = answer.Outcome.Value!;
        metrics.AlarmAccepted(caller.Device is null ? "hotline" : "device", clock.GetElapsedTime(started));
        await broadcast.SendAsync(alarm, UnitOf(alarm), "raised", alarm.RaisedAt);
        return TypedResults.Created($"/api/alarms/{alarm.Id}", alarm);
    }
}
