using System.Net;
using System.Net.Http.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace ElderCare.Tests.Web;

/// <summary>
/// PIPL / 等保 8.1.4.8: logs are read by more people and kept in more places than the database, so they never hold an ID
/// number, a phone number, a password, an access token or a device key — at any log level. The host logs everything
/// (Trace) to a capturing provider while it serves the requests that carry those values.
/// </summary>
public class LogRedactionTests(LogRedactionTests.Factory app) : IClassFixture<LogRedactionTests.Factory>
{
    public sealed class Factory : AppFactory
    {
        public CapturedLogs Logs { get; } = new();

        public Factory()
        {
            foreach (var category in new[] { "Default", "Microsoft", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "System" })
                Settings[$"Logging:LogLevel:{category}"] = "Trace";
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l =>
            {
                l.ClearProviders();
                l.SetMinimumLevel(LogLevel.Trace);
                l.AddProvider(Logs);
            });
        }
    }

    private const string IdNumber = "500153194107070012";
    private const string Phone = "13698765432";
    private const string ContactPhone = "13587654321";

    [Fact]
    public async Task Sign_in_token_elder_lookup_and_device_alarm_leave_no_personal_identifier_or_secret_in_the_logs()
    {
        var secrets = new List<string> { IdNumber, Phone, ContactPhone, AppFactory.Password };

        // Sign-in page (password) and the hotline elder search by ID number (a page form).
        var user = await app.User(Role.DistrictStaff, name: "log" + Guid.NewGuid().ToString("N")[..8]);
        var browser = app.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostSignIn(user.UserName!, AppFactory.Password)).StatusCode);

        // Token issue.
        var issued = await app.CreateClient().PostJson("/api/auth/token", new { userName = user.UserName, password = AppFactory.Password });
        var token = (await issued.ReadJson()).GetProperty("accessToken").GetString()!;
        secrets.Add(token);
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);

        // An elder with ID number and phones; exact look-up; a wrong look-up; a page search by ID number.
        var elder = await api.PostJson("/api/elders", new
        {
            name = "日志测试老人", idNumber = IdNumber, phone = Phone, address = "荣昌区昌元街道海棠路 9 号", regionCode = Make.Changyuan,
            livingArrangement = "alone", categories = new[] { "subsistence" },
            emergencyContacts = new[] { new { name = "家属", relation = "女儿", phone = ContactPhone } }, consent = new { basis = "本人同意" },
        });
        Assert.Equal(HttpStatusCode.Created, elder.StatusCode);
        var elderId = (await elder.ReadJson()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await api.PostJson("/api/elders/lookup", new { idNumber = IdNumber })).StatusCode);
        await api.PostJson("/api/elders/lookup", new { idNumber = IdNumber[..17] });
        var find = await browser.PostAsync("/alarms?handler=Find", new FormUrlEncodedContent(
            [new("q", IdNumber), new("__RequestVerificationToken", await browser.FormToken("/alarms"))]));
        Assert.Contains("日志测试老人", await find.Content.ReadAsStringAsync());

        // A device, its key, a heartbeat, an alarm, and a wrong key.
        var device = await api.PostJson("/api/devices", new { elderId, kind = "smart-watch", serial = "LOG-" + Guid.NewGuid().ToString("N")[..8] });
        var key = (await device.ReadJson()).GetProperty("key").GetString()!;
        secrets.Add(key);
        var alarm = new HttpRequestMessage(HttpMethod.Post, "/api/alarms")
        {
            Content = JsonContent.Create(new { kind = "sos", occurredAt = app.Clock.GetUtcNow().AddSeconds(-5) }, options: Http.Json),
        };
        alarm.Headers.Add("X-Device-Key", key);
        alarm.Headers.Add("Idempotency-Key", "log-test-1");
        Assert.Equal(HttpStatusCode.Created, (await app.CreateClient().SendAsync(alarm)).StatusCode);
        var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/devices/heartbeat");
        wrong.Headers.Add("X-Device-Key", key[..^2] + "zz");
        await app.CreateClient().SendAsync(wrong);
        var bogus = app.CreateClient();
        bogus.DefaultRequestHeaders.Authorization = new("Bearer", token[..^2] + "zz");
        await bogus.GetAsync("/api/elders");

        var logs = app.Logs.Entries.ToList();
        Assert.True(logs.Count > 100, "the capturing provider saw the host's logs");
        foreach (var secret in secrets)
        {
            var leak = logs.FirstOrDefault(l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.True(leak is null, $"a log entry holds a personal identifier or secret: {leak}");
        }
    }
}
