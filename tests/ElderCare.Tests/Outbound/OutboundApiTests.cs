using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Alarms;
using ElderCare.Web.Features.Outbound;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Tests.Outbound;

/// <summary>SMS and webhooks against a local receiver (ADR 29): signed, retried with back-off, de-duplicated, scoped, limited.</summary>
public class OutboundApiTests(OutboundApp app) : IClassFixture<OutboundApp>
{
    private const double HomeLat = Make.HomeLat, HomeLng = Make.HomeLng;

    /// <summary>A family phone of its own per elder, so the per-number daily limit of one test never touches another's.</summary>
    private static string NewPhone() => "139" + (10_000_000 + Make.Serial() * 7919 % 89_999_999).ToString("00000000",
        System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(Guid Elder, string Phone)> Elder(string region = Make.Changyuan)
    {
        var phone = NewPhone();
        var elder = await app.Staff.NewElder(Make.Elder(name: "李桂兰", regionCode: region, lat: HomeLat, lng: HomeLng, address: "荣昌区海棠路 8 号",
            contacts: [new { name = "李小军", relation = "儿子", phone }]));
        return (elder, phone);
    }

    private async Task<HttpClient> Admin() => await app.ClientAs(Role.DistrictAdmin);

    private async Task<(Guid Id, string Secret, string Path)> Subscribe(string[] events, string? region = null)
    {
        var path = "/hooks/" + Guid.NewGuid().ToString("N")[..8];
        var created = await (await (await Admin()).PostJson("/api/webhooks", new
        {
            name = "12349 呼叫中心", url = app.Receiver.Url + path, events, regionCode = region,
        })).Created();
        return (created.GetProperty("subscription").Id(), created.GetProperty("secret").GetString()!, path);
    }

    private async Task<Guid> RaiseAlarm(Guid elder)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/alarms")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { kind = "sos", occurredAt = app.Clock.GetUtcNow(), elderId = elder }),
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var r = await app.Staff.SendAsync(request);
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.ReadJson()).Id();
    }

    private IReadOnlyList<Receiver.Request> At(string path) => app.Receiver.Requests.Where(r => r.Path == path).ToList();

    private async Task<List<OutboxMessage>> Rows(Func<OutboxMessage, bool> which)
    {
        await using var scope = app.Scope(out var db);
        return (await db.Outbox.AsNoTracking().ToListAsync()).Where(which).ToList();
    }

    /// <summary>What a receiver does: HMAC-SHA256 over "timestamp.body" with the secret, compared with the header.</summary>
    private static string ExpectedSignature(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));

    [Fact]
    public async Task An_alarm_is_posted_to_the_subscriber_signed_with_its_secret_and_the_event_id()
    {
        var (sub, secret, path) = await Subscribe([OutboundEvents.AlarmRaised, OutboundEvents.AlarmAcknowledged]);
        var (elder, _) = await Elder();
        var alarm = await RaiseAlarm(elder);
        await app.SendOutbox();

        var hit = Assert.Single(At(path));
        Assert.Equal(ExpectedSignature(secret, hit.Headers[Signing.TimestampHeader], hit.Body), hit.Headers[Signing.SignatureHeader]);
        Assert.Equal(app.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            hit.Headers[Signing.TimestampHeader]);
        Assert.True(Signing.Verify(secret, hit.Headers[Signing.TimestampHeader], hit.Body, hit.Headers[Signing.SignatureHeader],
            app.Clock.GetUtcNow()));
        Assert.False(Signing.Verify("whsec_other", hit.Headers[Signing.TimestampHeader], hit.Body, hit.Headers[Signing.SignatureHeader],
            app.Clock.GetUtcNow()));
        var body = JsonDocument.Parse(hit.Body).RootElement;
        Assert.Equal(hit.Headers[Signing.EventIdHeader], body.GetProperty("id").GetString());
        Assert.Equal("alarm.raised", body.GetProperty("type").GetString());
        Assert.Equal("alarm.raised", hit.Headers[Signing.EventTypeHeader]);
        Assert.Equal(alarm, body.GetProperty("data").GetProperty("alarmId").GetGuid());
        Assert.DoesNotContain("李桂兰", hit.Body, StringComparison.Ordinal); // ids and codes only, no personal data
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await Rows(m => m.SubscriptionId == sub)).Status);

        // Acknowledged: a second event; resolved is not subscribed.
        await (await app.Staff.PostJson($"/api/alarms/{alarm}/acknowledge", new { })).Ok();
        await app.SendOutbox();
        Assert.Equal(["alarm.raised", "alarm.acknowledged"], At(path).Select(r => r.Headers[Signing.EventTypeHeader]).ToList());
    }

    [Fact]
    public async Task A_subscriber_answering_500_gets_the_same_event_again_after_the_back_off_then_it_stays_sent()
    {
        var (sub, _, path) = await Subscribe([OutboundEvents.AlarmRaised]);
        var (elder, _) = await Elder();
        app.Receiver.Answer(path, HttpStatusCode.InternalServerError);
        await RaiseAlarm(elder);
        await app.SendOutbox();
        var row = Assert.Single(await Rows(m => m.SubscriptionId == sub));
        Assert.Equal((OutboxStatus.Pending, 1, "接收方返回 500"), (row.Status, row.Attempts, row.LastError));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddSeconds(5), row.NextAttemptAt); // back-off: 5 s after the first failure

        await app.SendOutbox(); // not due yet
        Assert.Single(At(path));
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        await app.SendOutbox();
        await app.SendOutbox();
        var hits = At(path);
        Assert.Equal([500, 200], hits.Select(h => h.Status).ToList());
        Assert.Equal(hits[0].Headers[Signing.EventIdHeader], hits[1].Headers[Signing.EventIdHeader]);
        Assert.Equal(hits[0].Body, hits[1].Body);
        row = Assert.Single(await Rows(m => m.SubscriptionId == sub));
        Assert.Equal((OutboxStatus.Sent, 2, null), (row.Status, row.Attempts, row.LastError));
    }

    [Fact]
    public async Task The_same_event_is_queued_once_per_subscriber_and_the_unique_index_refuses_a_copy()
    {
        var (sub, _, _) = await Subscribe([OutboundEvents.AlarmResolved]);
        var (elder, _) = await Elder();
        var alarmId = await RaiseAlarm(elder);
        await using (var scope = app.Scope(out var db))
        {
            var alarm = await db.Alarms.AsNoTracking().SingleAsync(a => a.Id == alarmId);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            await DomainEvents.AlarmAdvancedAsync(db, alarm, AlarmAction.Resolve, now, default);
            await DomainEvents.AlarmAdvancedAsync(db, alarm, AlarmAction.Resolve, now, default); // the same event again, same context
            await db.SaveChangesAsync();
            Assert.Equal(0, await OutboundEvents.RaiseAsync(db, OutboundEvents.AlarmResolved, alarm.Id.ToString("N"), alarm.RegionCode,
                DomainEvents.Data(alarm), now, default)); // and after the save
            var copy = await db.Outbox.AsNoTracking().SingleAsync(m => m.SubscriptionId == sub);
            db.Outbox.Add(new OutboxMessage { Kind = copy.Kind, EventId = copy.EventId, EventType = copy.EventType, Target = copy.Target,
                SubscriptionId = sub, Payload = copy.Payload, CreatedAt = now, NextAttemptAt = now });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        Assert.Single(await Rows(m => m.SubscriptionId == sub));
    }

    [Fact]
    public async Task An_event_outside_the_subscriptions_region_is_not_sent()
    {
        var (panlongOnly, _, path) = await Subscribe([OutboundEvents.AlarmRaised], Make.Panlong);
        var (inChangyuan, _) = await Elder(Make.Changyuan);
        var (inPanlong, _) = await Elder(Make.Panlong);
        await RaiseAlarm(inChangyuan);
        var alarmB = await RaiseAlarm(inPanlong);
        await app.SendOutbox();
        var hit = Assert.Single(At(path));
        Assert.Equal(alarmB, JsonDocument.Parse(hit.Body).RootElement.GetProperty("data").GetProperty("alarmId").GetGuid());
        Assert.Single(await Rows(m => m.SubscriptionId == panlongOnly));
    }

    [Fact]
    public async Task A_disabled_subscription_gets_nothing_more_and_its_queued_events_are_cancelled()
    {
        var (sub, _, path) = await Subscribe([OutboundEvents.AlarmRaised]);
        var (elder, _) = await Elder();
        await RaiseAlarm(elder);
        var admin = await Admin();
        Assert.False((await (await admin.PostJson($"/api/webhooks/{sub}/disable", new { })).Ok()).GetProperty("active").GetBoolean());
        await (await admin.PostJson($"/api/webhooks/{sub}/disable", new { })).AssertProblem(HttpStatusCode.Conflict);
        await (await admin.PostJson($"/api/webhooks/{Guid.NewGuid()}/disable", new { })).AssertProblem(HttpStatusCode.NotFound);
        await RaiseAlarm(elder);
        await app.SendOutbox();
        Assert.Empty(At(path));
        Assert.Equal(OutboxStatus.Cancelled, Assert.Single(await Rows(m => m.SubscriptionId == sub)).Status);
    }

    [Fact]
    public async Task The_visit_code_goes_to_the_family_by_SMS_with_template_and_signature_and_the_verified_visit_to_subscribers()
    {
        var (_, secret, path) = await Subscribe([OutboundEvents.VisitVerified]);
        var (elder, phone) = await Elder();
        var facility = await app.Staff.NewFacility(Make.Facility(name: "短信测试中心"));
        var provider = await app.Staff.ProviderOf(facility);
        var user = await app.User(Role.Caregiver, name: $"smscarer{Make.Serial()}");
        var worker = (await (await app.Staff.PostJson("/api/workers", Make.Caregiver(provider, "王护理", user.UserName, baseLat: HomeLat + 0.009)))
            .Created()).Id();
        var caregiver = await app.ClientOf(user.UserName!);
        var now = app.Clock.GetUtcNow();
        var order = (await (await app.Staff.PostJson("/api/orders", new
        {
            elderId = elder, serviceItemId = await app.Staff.ServiceItem("bathing"), windowStart = now.AddMinutes(-90),
            windowEnd = now.AddMinutes(10),
        })).Created()).Id();
        await (await app.Staff.PostJson($"/api/orders/{order}/assign", new { workerId = worker })).Ok();
        await (await caregiver.PostJson($"/api/orders/{order}/check-in", new { lat = HomeLat, lng = HomeLng, at = now.AddMinutes(-85) })).Ok();
        await app.SendOutbox();

        var sms = Assert.Single(At("/sms"), r => r.Body.Contains(phone, StringComparison.Ordinal));
        var request = JsonDocument.Parse(sms.Body).RootElement;
        Assert.Equal("SMS_1001", request.GetProperty("templateId").GetString());
        Assert.Equal(OutboundApp.Signature, request.GetProperty("signName").GetString());
        Assert.Equal("eldercare-test", request.GetProperty("appKey").GetString());
        Assert.Equal(ExpectedSignature(OutboundApp.AppSecret, sms.Headers[Signing.TimestampHeader], sms.Body), sms.Headers[Signing.SignatureHeader]);
        var code = request.GetProperty("templateParams").GetProperty("code").GetString()!;
        Assert.Equal("李**", request.GetProperty("templateParams").GetProperty("elder").GetString());
        var row = Assert.Single(await Rows(m => m.EventType == "sms.visit-code" && m.Status == OutboxStatus.Sent
            && m.GatewayMessageId == request.GetProperty("outId").GetString() || m.Id.ToString("N") == request.GetProperty("outId").GetString()));
        Assert.StartsWith("gw-", row.GatewayMessageId);
        Assert.DoesNotContain(phone, row.PhoneProtected!, StringComparison.Ordinal); // encrypted at rest

        // The family reads the code from the SMS; the visit is confirmed, completed, verified — and the subscriber told.
        await (await caregiver.PostJson($"/api/orders/{order}/confirm", new { code })).Ok();
        var done = await (await caregiver.PostJson($"/api/orders/{order}/check-out",
            new { lat = HomeLat, lng = HomeLng, at = now.AddMinutes(-25), notes = "协助洗浴" })).Ok();
        Assert.Equal("verified", done.GetProperty("verification").GetString());
        await app.SendOutbox();
        var hit = Assert.Single(At(path));
        Assert.Equal(ExpectedSignature(secret, hit.Headers[Signing.TimestampHeader], hit.Body), hit.Headers[Signing.SignatureHeader]);
        Assert.Equal(order, JsonDocument.Parse(hit.Body).RootElement.GetProperty("data").GetProperty("orderId").GetGuid());
    }

    [Fact]
    public async Task An_alarm_notice_to_the_family_goes_through_the_SMS_outbox()
    {
        var (elder, phone) = await Elder();
        await RaiseAlarm(elder);
        await using (var scope = app.Scope(out var db))
        {
            var s = scope.ServiceProvider;
            Assert.IsType<SmsNotifier>(s.GetRequiredService<INotifier>());
            await AlarmClockScan.DeliverAsync(db, s.GetRequiredService<INotifier>(), s.GetRequiredService<FieldProtector>(),
                s.GetRequiredService<AlarmOptions>(), app.Clock, null, default);
        }
        await app.SendOutbox();
        var sms = JsonDocument.Parse(Assert.Single(At("/sms"), r => r.Body.Contains(phone, StringComparison.Ordinal)).Body).RootElement;
        Assert.Equal("SMS_1002", sms.GetProperty("templateId").GetString());
        var message = sms.GetProperty("templateParams").GetProperty("message").GetString()!;
        Assert.Contains("报警", message, StringComparison.Ordinal);
        Assert.DoesNotContain("【", message, StringComparison.Ordinal); // the gateway adds the signature
    }

    [Fact]
    public async Task Over_the_daily_limit_a_number_gets_no_more_messages_and_the_refusal_is_recorded()
    {
        var phone = NewPhone();
        await using (var scope = app.Scope(out var db))
        {
            var protector = scope.ServiceProvider.GetRequiredService<FieldProtector>();
            for (var i = 0; i < 4; i++)
                Assert.True(await SmsQueue.AddAsync(db, protector, SmsTemplate.Reminder, phone, new Dictionary<string, string> { ["n"] = $"{i}" },
                    $"limit-{phone}-{i}", Make.Changyuan, app.Clock.GetUtcNow().UtcDateTime, default));
            await db.SaveChangesAsync();
        }
        await app.SendOutbox();
        Assert.Equal(3, At("/sms").Count(r => r.Body.Contains(phone, StringComparison.Ordinal))); // Sms:DailyLimitPerNumber = 3
        var ids = Enumerable.Range(0, 4).Select(i => Signing.EventId("sms.reminder", $"limit-{phone}-{i}")).ToHashSet();
        var mine = await Rows(m => ids.Contains(m.EventId));
        Assert.Equal(3, mine.Count(m => m.Status == OutboxStatus.Sent));
        var refused = Assert.Single(mine, m => m.Status == OutboxStatus.Refused);
        Assert.Contains("每日上限 3 条", refused.LastError, StringComparison.Ordinal);

        var log = await (await (await Admin()).GetAsync("/api/outbound/deliveries?kind=sms&status=refused")).Ok();
        var item = log.GetProperty("items").EnumerateArray().First();
        Assert.Equal(phone[..3] + "****" + phone[^4..], item.GetProperty("target").GetString()); // masked
        Assert.DoesNotContain(phone, log.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_family_is_reminded_once_by_SMS_a_few_days_before_the_routine_reassessment_falls_due()
    {
        var (soon, phone) = await Elder();
        var (later, laterPhone) = await Elder();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        await using (var scope = app.Scope(out var db))
        {
            (await db.Elders.SingleAsync(e => e.Id == soon)).LastAssessedOn = today.AddDays(3).AddMonths(-12); // due in 3 days
            (await db.Elders.SingleAsync(e => e.Id == later)).LastAssessedOn = today.AddDays(30).AddMonths(-12); // due in 30 days
            await db.SaveChangesAsync();
            var s = scope.ServiceProvider;
            for (var run = 0; run < 2; run++) // a second run (a restart the same day) queues nothing more
            {
                db.ChangeTracker.Clear();
                await RaiseReassessmentReminders.Handle(db, s.GetRequiredService<FieldProtector>(), s.GetRequiredService<OutboundOptions>(),
                    app.Clock, default);
            }
        }
        await app.SendOutbox();
        var sms = JsonDocument.Parse(Assert.Single(At("/sms"), r => r.Body.Contains(phone, StringComparison.Ordinal)).Body).RootElement;
        Assert.Equal("SMS_1003", sms.GetProperty("templateId").GetString());
        Assert.Equal(today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            sms.GetProperty("templateParams").GetProperty("date").GetString());
        Assert.DoesNotContain(At("/sms"), r => r.Body.Contains(laterPhone, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_signed_delivery_receipt_updates_the_status_and_a_bad_one_is_refused()
    {
        var phone = NewPhone();
        await using (var scope = app.Scope(out var db))
        {
            await SmsQueue.AddAsync(db, scope.ServiceProvider.GetRequiredService<FieldProtector>(), SmsTemplate.Reminder, phone,
                new Dictionary<string, string> { ["item"] = "复评" }, "receipt-" + phone, null, app.Clock.GetUtcNow().UtcDateTime, default);
            await db.SaveChangesAsync();
        }
        await app.SendOutbox();
        var eventId = Signing.EventId("sms.reminder", "receipt-" + phone);
        var messageId = Assert.Single(await Rows(m => m.EventId == eventId && m.Status == OutboxStatus.Sent)).GatewayMessageId!;

        HttpRequestMessage Receipt(object body, string? secret = OutboundApp.AppSecret, long? at = null)
        {
            var json = JsonSerializer.Serialize(body);
            var timestamp = (at ?? app.Clock.GetUtcNow().ToUnixTimeSeconds()).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var r = new HttpRequestMessage(HttpMethod.Post, "/api/sms/receipts")
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            };
            r.Headers.Add(Signing.TimestampHeader, timestamp);
            r.Headers.Add(Signing.SignatureHeader, ExpectedSignature(secret!, timestamp, json));
            return r;
        }
        var gateway = app.CreateClient();
        await (await gateway.SendAsync(Receipt(new { messageId, status = "delivered" }, secret: "wrong-secret-0123456789")))
            .AssertProblem(HttpStatusCode.Unauthorized);
        await (await gateway.SendAsync(Receipt(new { messageId, status = "delivered" }, at: app.Clock.GetUtcNow().ToUnixTimeSeconds() - 600)))
            .AssertProblem(HttpStatusCode.Unauthorized); // older than 5 minutes: a replay
        await (await gateway.SendAsync(Receipt(new { messageId, status = "lost" }))).AssertFieldError("status");
        await (await gateway.SendAsync(Receipt(new { messageId = "gw-nobody", status = "delivered" }))).AssertProblem(HttpStatusCode.NotFound);
        var ok = await (await gateway.SendAsync(Receipt(new { messageId, status = "delivered" }))).Ok();
        Assert.Equal("delivered", ok.GetProperty("status").GetString());
        var row = Assert.Single(await Rows(m => m.GatewayMessageId == messageId));
        Assert.Equal(OutboxStatus.Delivered, row.Status);
        Assert.NotNull(row.ReceiptAt);
    }

    [Fact]
    public async Task Subscriptions_are_the_district_admins_and_bad_input_is_400_naming_each_field()
    {
        var admin = await Admin();
        var problem = await (await admin.PostJson("/api/webhooks", new { name = "", url = "ftp://x", events = new[] { "alarm.exploded" } }))
            .AssertProblem(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["events", "name", "url"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList());
        Assert.Contains("alarm.raised", errors.GetProperty("events")[0].GetString(), StringComparison.Ordinal); // the accepted values
        await (await admin.PostJson("/api/webhooks", new { name = "市级平台", url = "https://a:b@example.org/x", events = new[] { "alarm.raised" } }))
            .AssertFieldError("url");
        await (await admin.PostJson("/api/webhooks", new { name = "市级平台", url = "https://example.org/x", events = new[] { "alarm.raised" },
            regionCode = "500153099" })).AssertFieldError("regionCode");
        (await (await app.ClientAs(Role.DistrictStaff)).GetAsync("/api/webhooks")).StatusCode.Equals(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Staff.PostJson("/api/webhooks", new { })).StatusCode);
        await (await admin.GetAsync($"/api/webhooks/{Guid.NewGuid()}")).AssertProblem(HttpStatusCode.NotFound);
        await (await admin.GetAsync("/api/outbound/deliveries?status=lost")).AssertFieldError("status");

        var (id, secret, _) = await Subscribe([OutboundEvents.ReportApproved], Make.Changyuan);
        var shown = await (await admin.GetAsync($"/api/webhooks/{id}")).Ok();
        Assert.Equal(Make.Changyuan, shown.GetProperty("regionCode").GetString());
        Assert.DoesNotContain(secret, (await (await admin.GetAsync("/api/webhooks")).Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var scope = app.Scope(out var db);
        Assert.DoesNotContain(secret, (await db.WebhookSubscriptions.SingleAsync(s => s.Id == id)).SecretProtected, StringComparison.Ordinal);
    }

    /// <summary>A district admin signed in on the pages: password, then the two-factor code (the role requires it).</summary>
    private async Task<HttpClient> AdminBrowser()
    {
        var admin = await app.User(Role.DistrictAdmin, name: "webhook.admin");
        var key = await app.EnrolTwoFactor(admin);
        var browser = app.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostSignIn(admin.UserName!, AppFactory.Password)).StatusCode);
        var code = ElderCare.Web.Infrastructure.Auth.Totp.Code(key, ElderCare.Web.Infrastructure.Auth.Totp.StepAt(app.Clock.GetUtcNow()));
        var second = await browser.PostAsync("/account/two-factor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = code, ["__RequestVerificationToken"] = await browser.FormToken("/account/two-factor"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        return browser;
    }

    [Fact]
    public async Task The_pages_list_create_disable_and_show_the_delivery_log()
    {
        var browser = await AdminBrowser();
        var token = await browser.FormToken("/integrations/webhooks/new");
        var bad = await browser.PostAsync("/integrations/webhooks/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["name"] = "页面订阅", ["url"] = "not a url",
        }));
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("接收地址应为 http(s) 绝对地址。", badHtml, StringComparison.Ordinal);
        Assert.Contains("请至少选择一个事件", badHtml, StringComparison.Ordinal);
        var created = await browser.PostAsync("/integrations/webhooks/new", new FormUrlEncodedContent(new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token), new("name", "页面订阅"), new("url", app.Receiver.Url + "/hooks/page"),
            new("events", "alarm.raised"), new("events", "report.approved"),
        }));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("whsec_", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var list = await browser.GetStringAsync("/integrations/webhooks");
        Assert.Contains("页面订阅", list, StringComparison.Ordinal);
        await using (var scope = app.Scope(out var db))
        {
            var id = (await db.WebhookSubscriptions.SingleAsync(s => s.Name == "页面订阅")).Id;
            var disabled = await browser.PostAsync($"/integrations/webhooks?handler=Disable&id={id}", new FormUrlEncodedContent(
                new Dictionary<string, string> { ["__RequestVerificationToken"] = await browser.FormToken("/integrations/webhooks") }));
            Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
            Assert.False((await db.WebhookSubscriptions.AsNoTracking().SingleAsync(s => s.Id == id)).Active);
        }
        var log = await browser.GetAsync("/integrations/webhooks/deliveries?kind=webhook");
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        Assert.Contains("投递记录", await log.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync("/integrations/webhooks/deliveries?status=lost")).StatusCode);
    }
}
