using System.Net;
using System.Net.Http.Json;
using System.Text;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Alarms;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ElderCare.Tests.Alarms;

/// <summary>The app with the clocks switched off (tests drive them with the fake clock) and a notifier that fails at will.</summary>
public sealed class AlarmsApp : AppFactory
{
    public FlakyNotifier Notifier { get; } = new();

    public AlarmsApp() => Settings["Alarms:ClockIntervalSeconds"] = "0";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<INotifier>(Notifier)));
    }
}

public sealed class FlakyNotifier : INotifier
{
    public int FailuresLeft { get; set; }
    public List<string> Sent { get; } = [];

    public Task SendAsync(string recipient, string? phone, string message, CancellationToken ct)
    {
        lock (Sent)
        {
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new HttpRequestException("短信网关超时");
            }
            Sent.Add($"{recipient} {phone} {message}");
        }
        return Task.CompletedTask;
    }
}

public class AlarmsApiTests(AlarmsApp app) : IClassFixture<AlarmsApp>
{

    /// <summary>A new elder in the region (valid GB 11643 number generated), with a home position and a family contact.</summary>
    internal static async Task<Guid> Elder(AppFactory app, string region = Make.Changyuan, string name = "李桂兰")
    {
        // A fresh session each time: tests move the fake clock past the 15-minute idle timeout.
        var staff = await app.ClientAs(Role.DistrictStaff);
        return await staff.NewElder(Make.Elder(name: name, regionCode: region, lat: 29.40, lng: 105.59, address: "荣昌区昌元街道海棠路 8 号",
            contacts: [new { name = "李小军", relation = "儿子", phone = "13900001111" }]));
    }

    internal static async Task<(Guid Id, string Key)> Device(AppFactory app, Guid elder, string kind = "one-key-terminal")
    {
        var serial = $"RC-{Make.Serial():000000}-{Guid.NewGuid():N}"[..30];
        var j = await (await (await app.ClientAs(Role.DistrictStaff)).PostJson("/api/devices", new { elderId = elder, kind, serial })).Created();
        return (j.GetProperty("id").GetGuid(), j.GetProperty("key").GetString()!);
    }

    internal static HttpRequestMessage AlarmRequest(string? deviceKey, string? idempotencyKey, object? body)
    {
        var m = new HttpRequestMessage(HttpMethod.Post, "/api/alarms")
        {
            Content = body is string s ? new StringContent(s, Encoding.UTF8, "application/json") : JsonContent.Create(body, options: Http.Json),
        };
        if (deviceKey is not null) m.Headers.Add("X-Device-Key", deviceKey);
        if (idempotencyKey is not null) m.Headers.Add("Idempotency-Key", idempotencyKey);
        return m;
    }

    private static object Sos(string kind = "sos") => new { kind, occurredAt = AppFactory.Start.AddSeconds(-5),
        location = new { lat = 29.4001, lng = 105.5901 } };

    [Fact]
    public async Task A_device_is_registered_with_a_key_shown_once_and_stored_hashed()
    {
        var elder = await Elder(app);
        var (id, key) = await Device(app, elder, "smart-watch");
        var staff = await app.ClientAs(Role.DistrictStaff);
        Assert.StartsWith("dk_", key);
        await using var scope = app.Scope(out var db);
        var stored = await db.Devices.SingleAsync(d => d.Id == id);
        Assert.DoesNotContain(key.Split('_', 3)[2], stored.SecretHash); // the secret is base64url and may itself hold '_'
        Assert.Equal(64, stored.SecretHash.Length);
        var list = await (await staff.GetAsync($"/api/devices?elderId={elder}")).ReadJson();
        Assert.DoesNotContain("dk_", list.ToString());

        var again = await staff.PostJson("/api/devices", new { elderId = elder, kind = "smart-watch", serial = stored.Serial });
        await again.AssertProblem(HttpStatusCode.Conflict);
        await (await staff.PostJson("/api/devices", new { elderId = elder, kind = "toaster", serial = "X1" })).AssertFieldError("kind");
        await (await staff.PostJson("/api/devices", new { elderId = Guid.NewGuid(), kind = "smart-watch", serial = "X2" }))
            .AssertFieldError("elderId");
    }

    [Fact]
    public async Task Heartbeats_keep_a_device_online_and_a_silent_one_is_listed_offline()
    {
        var elder = await Elder(app);
        var (id, key) = await Device(app, elder, "smart-watch"); // expected every 30 min
        var beat = new HttpRequestMessage(HttpMethod.Post, "/api/devices/heartbeat");
        beat.Headers.Add("X-Device-Key", key);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(beat)).StatusCode);
        async Task<bool> Offline()
        {
            var items = (await (await (await app.ClientAs(Role.DistrictStaff))
                .GetAsync($"/api/devices?offline=true&regionCode={Make.Changyuan}&pageSize=100")).ReadJson()).GetProperty("items");
            return items.EnumerateArray().Any(i => i.GetProperty("id").GetGuid() == id);
        }
        Assert.False(await Offline());
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.True(await Offline());
        var bad = new HttpRequestMessage(HttpMethod.Post, "/api/devices/heartbeat");
        bad.Headers.Add("X-Device-Key", key[..^2] + "xx");
        await (await app.CreateClient().SendAsync(bad)).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_device_never_heard_from_reads_never_connected_not_online_and_devices_are_found_by_serial()
    {
        var elder = await Elder(app);
        var (id, key) = await Device(app, elder, "smart-watch");
        var staff = await app.ClientAs(Role.DistrictStaff);
        var serial = (await (await staff.GetAsync($"/api/devices?elderId={elder}")).ReadJson()).GetProperty("items")[0]
            .GetProperty("serial").GetString()!;
        async Task<string> StateBySerial(string part)
        {
            var items = (await (await staff.GetAsync($"/api/devices?serial={Uri.EscapeDataString(part)}")).ReadJson()).GetProperty("items");
            return Assert.Single(items.EnumerateArray()).GetProperty("state").GetString()!;
        }
        // Registered a moment ago, not offline yet — but never heard from, so not "online" either.
        Assert.Equal("never-connected", await StateBySerial(serial[3..20]));
        var beat = new HttpRequestMessage(HttpMethod.Post, "/api/devices/heartbeat");
        beat.Headers.Add("X-Device-Key", key);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(beat)).StatusCode);
        Assert.Equal("online", await StateBySerial(serial));
        var page = await (await app.ClientAs(Role.DistrictStaff)).Page($"/devices?serial={Uri.EscapeDataString(serial)}");
        Assert.Contains(serial, page.Text, StringComparison.Ordinal);
        Assert.Contains("在线", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(">从未上线</span>", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_alarm_is_stored_before_201_and_a_retry_returns_the_same_alarm()
    {
        var elder = await Elder(app);
        var (deviceId, key) = await Device(app, elder);
        var client = app.CreateClient();
        var first = await client.SendAsync(AlarmRequest(key, "k-1", Sos()));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var alarm = await first.ReadJson();
        var id = alarm.GetProperty("id").GetGuid();
        Assert.Equal("raised", alarm.GetProperty("status").GetString());
        Assert.Equal(deviceId, alarm.GetProperty("deviceId").GetGuid());
        Assert.Equal($"/api/alarms/{id}", first.Headers.Location?.OriginalString);

        var retry = await client.SendAsync(AlarmRequest(key, "k-1", Sos()));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues(AlarmsApi.ReplayedHeader).Single());
        Assert.Equal(id, (await retry.ReadJson()).GetProperty("id").GetGuid());

        var other = await client.SendAsync(AlarmRequest(key, "k-1", Sos("fall")));
        var problem = await other.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("idempotencyKey", out _));

        await using var scope = app.Scope(out var db);
        Assert.Equal(1, await db.Alarms.CountAsync(a => a.ElderId == elder));
        Assert.Equal(1, await db.AlarmNotifications.CountAsync(n => n.AlarmId == id)); // the family contact, queued with the alarm
    }

    [Fact]
    public async Task A_hundred_concurrent_identical_requests_make_one_alarm()
    {
        var elder = await Elder(app);
        var (_, key) = await Device(app, elder);
        // PostgreSQL here allows 100 connections for every test database at once; a request that finds none gets 503
        // (nothing stored, retry with the same key) and retries as a device does.
        async Task<HttpResponseMessage> Send()
        {
            for (var attempt = 0; ; attempt++)
            {
                var r = await app.CreateClient().SendAsync(AlarmRequest(key, "storm-1", Sos()));
                if (r.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 5) return r;
                await Task.Delay(200);
            }
        }
        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Send()));
        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.All(statuses, s => Assert.True(s is 200 or 201, $"got {s}"));
        Assert.Equal(1, statuses.Count(s => s == 201));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.ReadJson()).GetProperty("id").GetGuid()));
        Assert.Single(ids.Distinct());
        await using var scope = app.Scope(out var db);
        Assert.Equal(1, await db.Alarms.CountAsync(a => a.ElderId == elder));
    }

    [Fact]
    public async Task Bad_keys_unknown_devices_and_malformed_bodies_get_clear_errors_never_500()
    {
        var elder = await Elder(app);
        var (_, key) = await Device(app, elder);
        var c = app.CreateClient();
        // The shared fake clock may have moved on since the fixture started: times are relative to its now.
        var now = app.Clock.GetUtcNow();
        await (await c.SendAsync(AlarmRequest("nonsense", "a", Sos()))).AssertProblem(HttpStatusCode.Unauthorized);
        await (await c.SendAsync(AlarmRequest(DeviceKeys.New(Guid.NewGuid()).Key, "a", Sos()))).AssertProblem(HttpStatusCode.Unauthorized);
        await (await c.SendAsync(AlarmRequest(null, "a", Sos()))).AssertProblem(HttpStatusCode.Unauthorized);
        await (await c.SendAsync(AlarmRequest(key, null, Sos()))).AssertFieldError("idempotencyKey");
        await (await c.SendAsync(AlarmRequest(key, "b", new { kind = "earthquake", occurredAt = now }))).AssertFieldError("kind");
        await (await c.SendAsync(AlarmRequest(key, "b", new { kind = "sos" }))).AssertFieldError("occurredAt");
        await (await c.SendAsync(AlarmRequest(key, "b", new { kind = "sos", occurredAt = "yesterday" }))).AssertFieldError("occurredAt");
        await (await c.SendAsync(AlarmRequest(key, "b", new { kind = "sos", occurredAt = now.AddHours(1) }))).AssertFieldError("occurredAt");
        await (await c.SendAsync(AlarmRequest(key, "b", new { kind = "sos", occurredAt = now, location = new { lat = 200, lng = 0 } })))
            .AssertFieldError("location.lat");
        await (await c.SendAsync(AlarmRequest(key, "b", "{not json"))).AssertProblem(HttpStatusCode.BadRequest);
        await (await c.SendAsync(AlarmRequest(key, "b", "null"))).AssertFieldError("body");
        await (await c.SendAsync(AlarmRequest(key, "b", new { kind = "sos", occurredAt = now, elderId = Guid.NewGuid() })))
            .AssertFieldError("elderId");
    }

    [Fact]
    public async Task A_flood_from_one_device_is_rate_limited_after_the_first_alarms_and_retries_still_replay()
    {
        var elder = await Elder(app);
        var (_, key) = await Device(app, elder);
        var c = app.CreateClient();
        var statuses = new List<int>();
        for (var i = 0; i < 12; i++) statuses.Add((int)(await c.SendAsync(AlarmRequest(key, $"flood-{i}", Sos()))).StatusCode);
        Assert.Equal(201, statuses[0]);
        Assert.Equal(10, statuses.Count(s => s == 201));
        var limited = await c.SendAsync(AlarmRequest(key, "flood-99", Sos()));
        await limited.AssertProblem(HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await c.SendAsync(AlarmRequest(key, "flood-0", Sos()))).StatusCode); // a retry is never limited
        app.Clock.Advance(TimeSpan.FromSeconds(7));
        Assert.Equal(HttpStatusCode.Created, (await c.SendAsync(AlarmRequest(key, "flood-99", Sos()))).StatusCode);
    }

    [Fact]
    public async Task Staff_enter_a_hotline_alarm_for_an_elder_in_scope_and_handle_it_to_resolved()
    {
        var elder = await Elder(app);
        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        var r = await officer.SendAsync(AlarmRequest(null, "hotline-1", new { kind = "fall", occurredAt = AppFactory.Start, elderId = elder }));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var id = (await r.ReadJson()).GetProperty("id").GetGuid();

        var panlong = await app.ClientAs(Role.TownOfficer, region: Make.Panlong);
        await (await panlong.SendAsync(AlarmRequest(null, "hotline-x", new { kind = "fall", occurredAt = AppFactory.Start, elderId = elder })))
            .AssertProblem(HttpStatusCode.NotFound);
        await (await panlong.PostJson($"/api/alarms/{id}/acknowledge", new { })).AssertProblem(HttpStatusCode.NotFound);
        var evaluator = await app.ClientAs(Role.Evaluator);
        await (await evaluator.SendAsync(AlarmRequest(null, "hotline-y", new { kind = "fall", occurredAt = AppFactory.Start, elderId = elder })))
            .AssertProblem(HttpStatusCode.Forbidden);

        await (await officer.PostJson($"/api/alarms/{id}/dispatch", new { responder = "station-helper", responderName = "王强" }))
            .AssertProblem(HttpStatusCode.Conflict);
        app.Clock.Advance(TimeSpan.FromSeconds(20));
        var ack = await (await officer.PostJson($"/api/alarms/{id}/acknowledge", new { })).ReadJson();
        Assert.Equal("acknowledged", ack.GetProperty("status").GetString());
        Assert.NotNull(ack.GetProperty("acknowledged").GetProperty("by").GetString());
        await (await officer.PostJson($"/api/alarms/{id}/dispatch", new { responder = "station-helper" })).AssertFieldError("responderName");
        Assert.Equal(HttpStatusCode.OK, (await officer.PostJson($"/api/alarms/{id}/dispatch",
            new { responder = "station-helper", responderName = "王强" })).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(12));
        var onSite = await (await officer.PostJson($"/api/alarms/{id}/on-site", new { location = new { lat = 29.4005, lng = 105.5901 } })).ReadJson();
        Assert.True(onSite.GetProperty("onSiteWithinRadius").GetBoolean());
        Assert.InRange(onSite.GetProperty("onSiteDistance").GetDouble(), 40, 70);
        await (await officer.PostJson($"/api/alarms/{id}/resolve", new { })).AssertFieldError("outcome");
        var done = await (await officer.PostJson($"/api/alarms/{id}/resolve", new { outcome = "real-emergency", note = "扶起，无外伤" })).ReadJson();
        Assert.Equal("resolved", done.GetProperty("status").GetString());
        Assert.Empty(done.GetProperty("nextActions").EnumerateArray());
        await (await officer.PostJson($"/api/alarms/{id}/acknowledge", new { })).AssertProblem(HttpStatusCode.Conflict);

        var open = await (await officer.GetAsync("/api/alarms?open=true&pageSize=100")).ReadJson();
        Assert.DoesNotContain(open.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task The_clocks_escalate_an_unanswered_alarm_at_60_s_and_to_the_town_at_30_min()
    {
        var elder = await Elder(app);
        var (_, key) = await Device(app, elder);
        var id = (await (await app.CreateClient().SendAsync(AlarmRequest(key, "clock-1", Sos()))).ReadJson()).GetProperty("id").GetGuid();
        async Task<Alarm> Scan(TimeSpan advance)
        {
            app.Clock.Advance(advance);
            await using var scope = app.Scope(out var db);
            await AlarmClockScan.EscalateAsync(db, scope.ServiceProvider.GetRequiredService<AlarmOptions>(), app.Clock, null, default);
            db.ChangeTracker.Clear();
            return await db.Alarms.SingleAsync(a => a.Id == id);
        }
        var a = await Scan(TimeSpan.FromSeconds(30));
        Assert.Null(a.EscalatedToDistrictAt);
        a = await Scan(TimeSpan.FromSeconds(31));
        Assert.NotNull(a.EscalatedToDistrictAt);
        Assert.Null(a.EscalatedToTownAt);
        a = await Scan(TimeSpan.FromMinutes(30));
        Assert.NotNull(a.EscalatedToTownAt);
        var json = await (await (await app.ClientAs(Role.DistrictStaff)).GetAsync($"/api/alarms/{id}")).ReadJson();
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, json.GetProperty("escalatedToDistrictAt").ValueKind);
    }

    [Fact]
    public async Task Family_notifications_are_retried_with_back_off_until_delivered()
    {
        async Task<AlarmNotification?> Deliver(Guid? alarmId)
        {
            await using var scope = app.Scope(out var db);
            var s = scope.ServiceProvider;
            await AlarmClockScan.DeliverAsync(db, app.Notifier, s.GetRequiredService<FieldProtector>(), s.GetRequiredService<AlarmOptions>(),
                app.Clock, null, default);
            db.ChangeTracker.Clear();
            return alarmId is null ? null : await db.AlarmNotifications.SingleAsync(n => n.AlarmId == alarmId);
        }
        app.Notifier.FailuresLeft = 0;
        await Deliver(null); // drain what other tests queued
        var elder = await Elder(app, name: "赵秀珍");
        var (_, key) = await Device(app, elder);
        var id = (await (await app.CreateClient().SendAsync(AlarmRequest(key, "notify-1", Sos()))).ReadJson()).GetProperty("id").GetGuid();
        app.Notifier.FailuresLeft = 2;

        var n = (await Deliver(id))!;
        Assert.Equal(1, n.Attempts);
        Assert.Null(n.DeliveredAt);
        Assert.Equal("短信网关超时", n.LastError);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddSeconds(5), n.NextAttemptAt);
        n = (await Deliver(id))!; // not due yet: nothing happens
        Assert.Equal(1, n.Attempts);
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        n = (await Deliver(id))!;
        Assert.Equal(2, n.Attempts);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddSeconds(10), n.NextAttemptAt);
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        n = (await Deliver(id))!;
        Assert.Equal(3, n.Attempts);
        Assert.NotNull(n.DeliveredAt);
        Assert.Contains(app.Notifier.Sent, s => s.Contains("赵秀珍") && s.Contains("13900001111"));
        n = (await Deliver(id))!; // delivered once: not sent again
        Assert.Equal(3, n.Attempts);
    }
}
