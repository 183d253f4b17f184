using System.Net;
using System.Net.Http.Json;
using System.Text;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.BrowserTests;

/// <summary>
/// The console's contact call-up: the duty operator sees the emergency contact masked, clicks "查看完整号码", gets the full
/// number as a tel: link, and the auditor finds the unmasking in the audit log with the alarm as the reason. The card's
/// waiting clock counts on from the server's time with the answer limit marked.
/// </summary>
public sealed class ConsoleContactTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    [Fact]
    public async Task 值班员一键查看紧急联系人完整号码_拨号链接_审计日志以报警为理由()
    {
        var elder = await app.ElderAsync("韩淑珍", Make.IdNumber(), "500153001", LivingArrangement.Alone);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var protector = scope.ServiceProvider.GetRequiredService<FieldProtector>();
            var e = await db.Elders.SingleAsync(x => x.Id == elder.Id);
            e.EmergencyContacts = [new EmergencyContact { Name = "韩小峰", Relation = "儿子", PhoneProtected = protector.Protect("13755556666") }];
            await db.SaveChangesAsync();
        }
        var key = await app.DeviceKeyAsync(elder.Id, "CT-");
        var duty = await app.UserAsync(Role.DistrictStaff, displayName: "区值班员 孙敏");
        var page = await chromium.NewSignedInPageAsync(app, duty);
        await page.GotoAsync(app.BaseUrl + "/alarms");
        await Expect(page.Locator("[data-alarm-cards][data-live=true]")).ToHaveCountAsync(1, new() { Timeout = 15000 });

        using var device = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/alarms")
        {
            Content = new StringContent($$"""{"kind":"fall","occurredAt":"{{app.Clock.GetUtcNow():O}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Device-Key", key);
        request.Headers.Add("Idempotency-Key", "ct-fall-1");
        var response = await device.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var alarmId = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();

        var card = page.Locator("article[data-alarm-id]", new() { HasText = "韩淑珍" });
        await Expect(card).ToBeVisibleAsync(new() { Timeout = 5000 });
        await Expect(card).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("alarm-card--new")); // flashes as new
        await Expect(card).ToContainTextAsync("接警时限 60 秒");
        await Expect(card.Locator("[data-wait-clock]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^0:0[1-9]$"),
            new() { Timeout = 10000 }); // counting on in the browser
        await Expect(card).ToContainTextAsync("137****6666");
        await Expect(page.Locator("[data-console-mute]")).ToBeVisibleAsync();

        await card.GetByRole(AriaRole.Button, new() { Name = "查看韩小峰的完整号码" }).ClickAsync();
        var phone = card.GetByRole(AriaRole.Link, new() { Name = "13755556666" });
        await Expect(phone).ToBeVisibleAsync();
        await Expect(phone).ToHaveAttributeAsync("href", "tel:13755556666");

        // The mute switch is remembered in this browser.
        await page.Locator("[data-console-mute]").CheckAsync();

        // A refused step says why beside the field, and keeps saying it when the live connection re-reads the cards.
        await card.GetByRole(AriaRole.Button, new() { Name = "接警" }).ClickAsync();
        await Expect(card.Locator("[data-alarm-status]")).ToHaveTextAsync("已接警");
        await card.GetByRole(AriaRole.Button, new() { Name = "派单" }).ClickAsync();
        await Expect(page.Locator("[data-alarm-cards][data-live=true]")).ToHaveCountAsync(1, new() { Timeout = 15000 });
        var nameField = card.Locator(".field", new() { Has = page.GetByLabel("前往人员") });
        await Expect(nameField.Locator(".field-error")).ToHaveTextAsync("请填写前往处置的人员姓名。");
        await Expect(page.Locator("[data-console-mute]")).ToBeCheckedAsync();
        await Expect(card.Locator("[data-wait-clock]")).ToBeVisibleAsync();

        var auditor = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.Auditor));
        await auditor.GotoAsync($"{app.BaseUrl}/audit?userName={duty.UserName}&action=data.unmask");
        var audit = new AuditPage(auditor, app.BaseUrl);
        await Expect(audit.Rows).ToHaveCountAsync(1);
        await Expect(audit.Rows.First).ToContainTextAsync($"elder/{elder.Id}/contact/0/phone");
        await Expect(audit.Rows.First).ToContainTextAsync($"紧急救援：报警 {alarmId}（跌倒）");
    }
}
