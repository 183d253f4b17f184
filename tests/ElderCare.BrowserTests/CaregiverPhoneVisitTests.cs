using System.Security.Claims;
using System.Text.RegularExpressions;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.BrowserTests;

/// <summary>
/// A caregiver's visit on a 390×844 phone: the position comes from the phone (read-only fields, accuracy shown), the
/// item's checklist is ticked, and the visit closes with the elder's signature drawn on the screen — verified.
/// </summary>
public sealed class CaregiverPhoneVisitTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    private const int PhoneWidth = 390, PhoneHeight = 844;
    private const double HomeLat = HomeVisit.Lat, HomeLng = HomeVisit.Lng;
    private static readonly string[] Steps = ["问候老人并核对身份", "陪伴聊天", "检查居家安全"];

    /// <summary>A provider and a caregiver serving 昌元街道, an elder at a known spot, 陪伴聊天 with a checklist, an assigned order.</summary>
    private async Task<(TestUser Caregiver, Guid Order)> Arrange()
    {
        var v = await HomeVisit.ArrangeAsync(app, "韦素芬", "钟护理", "13900004444", "ZL-02");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var staff = AppServer.SeedStaff();
        Assert.True((await SaveChecklist.Handle(v.Item, new SaveChecklist.Input([.. Steps]), staff, db, clock, default)).IsOk);
        var now = clock.GetUtcNow();
        var order = (await RaiseOrder.Handle(new RaiseOrder.Input(v.Elder, v.Item, now.AddMinutes(-1), now.AddMinutes(60)), staff, db, clock,
            default)).Value!;
        var audit = scope.ServiceProvider.GetRequiredService<ElderCare.Web.Features.Audit.AuditLog>();
        Assert.True((await AssignOrder.Handle(order.Id, new AssignOrder.Input(v.Worker, null), staff, db, clock, audit, default)).IsOk);
        return (v.Caregiver, order.Id);
    }

    [Fact]
    public async Task 护理员手机上门_定位只读并显示精度_勾选服务步骤_老人手写签名签退_核验通过()
    {
        var (caregiver, order) = await Arrange();
        var page = await chromium.NewPageAsync(PhoneWidth, PhoneHeight);
        await page.Context.GrantPermissionsAsync(["geolocation"], new() { Origin = app.BaseUrl });
        await page.Context.SetGeolocationAsync(new() { Latitude = (float)(HomeLat + 0.0001), Longitude = (float)HomeLng, Accuracy = 12 });
        await page.SignInAsync(app, caregiver);
        await page.GotoAsync($"{app.BaseUrl}/caregiver/orders/{order}");

        // The title fits the phone: nothing wider than the screen.
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(heading).ToContainTextAsync("韦素芬");
        Assert.True((await heading.BoundingBoxAsync())!.Width <= PhoneWidth);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "数据接口" })).ToHaveCountAsync(0);

        // The position comes from the phone into read-only fields, with its accuracy.
        var latitude = page.GetByLabel("纬度");
        await Expect(latitude).ToHaveValueAsync(new Regex("^29\\.40"));
        await Expect(latitude).Not.ToBeEditableAsync();
        await Expect(page.Locator("[data-geo-accuracy-text]")).ToHaveTextAsync("约 12 米");
        await Expect(page.GetByLabel("手工填写位置的原因（必填；该次服务将标记为存疑，由工作人员复核）")).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "签到" }).ClickAsync();
        await Expect(page.GetByTestId("visit-status")).ToHaveTextAsync("服务中");

        // The checklist of the item, ticked step by step.
        var checklist = page.GetByTestId("checklist");
        foreach (var step in Steps) await checklist.GetByLabel(step).CheckAsync();

        // The elder signs with a finger on the pad.
        var pad = page.GetByTestId("signature-pad");
        await pad.ScrollIntoViewIfNeededAsync();
        var box = (await pad.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + 20, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        for (var i = 1; i <= 10; i++) await page.Mouse.MoveAsync(box.X + 20 + i * 25, box.Y + box.Height / 2 + (i % 2 == 0 ? 20 : -20));
        await page.Mouse.UpAsync();
        await Expect(page.Locator("[data-signature-value]")).ToHaveValueAsync(new Regex("^data:image/png;base64,"));

        await page.GetByRole(AriaRole.Button, new() { Name = "签退" }).ClickAsync();
        await Expect(page.GetByTestId("visit-verification")).ToHaveTextAsync("核验通过");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var proof = await db.VisitProofs.AsNoTracking().SingleAsync(p => p.OrderId == order);
        Assert.Equal(PositionSource.Phone, proof.CheckInSource);
        Assert.Equal(12, proof.CheckInAccuracy);
        Assert.Equal(Steps, proof.ChecklistTicked);
        var signature = await db.VisitAttachments.AsNoTracking().SingleAsync(a => a.Id == proof.SignatureId);
        Assert.Equal("image/png", signature.ContentType);
    }
}
