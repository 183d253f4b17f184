using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Alarms;
using ElderCare.Web.Features.Elders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.BrowserTests;

/// <summary>Hotline entry on the console and device registration, both picking the elder by name or ID number.</summary>
public sealed class AlarmEntryTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    /// <summary>A valid GB 11643 number (check digit computed) born in 1940.</summary>
    private static string IdNumber(int n) => Make.WithCheckDigit($"5001531940{(n % 12) + 1:00}{(n % 28) + 1:00}{n % 1000:000}");

    [Fact]
    public async Task 值班员按姓名查到老人录入电话报警_重复提交同一张表只生成一条报警()
    {
        var elder = await app.ElderAsync("郑淑芬", IdNumber(611), "500153001", LivingArrangement.Alone);
        var page = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff, displayName: "区值班员 周敏"));
        await page.GotoAsync(app.BaseUrl + "/alarms");

        var hotline = page.Locator("[data-hotline]");
        await hotline.Locator("summary").ClickAsync();
        await hotline.GetByLabel("姓名或身份证号").FillAsync("郑淑芬");
        await hotline.GetByRole(AriaRole.Button, new() { Name = "查找老年人" }).ClickAsync();
        var form = page.Locator("[data-hotline-form]");
        var choice = form.GetByRole(AriaRole.Radio, new() { Name = "郑淑芬" });
        await Expect(choice).ToBeCheckedAsync(); // the only match is preselected
        await Expect(form).Not.ToContainTextAsync(IdNumber(611)); // masked, as in the elder list
        await form.GetByLabel("报警类型").SelectOptionAsync(new SelectOptionValue { Label = "跌倒" });
        await form.GetByLabel("来电情况").FillAsync("邻居来电：老人在楼道摔倒，意识清醒");

        // A double submit: the same form (same hidden idempotency key) posted once in the background, then clicked.
        var fields = await form.EvaluateAsync<Dictionary<string, string>>(
            "f => Object.fromEntries([...new FormData(f)].map(([k, v]) => [k, String(v)]))");
        Assert.StartsWith("hotline-", fields["idempotencyKey"]);
        var formData = page.Context.APIRequest.CreateFormData();
        foreach (var (k, v) in fields) formData.Set(k, v);
        var first = await page.Context.APIRequest.PostAsync(app.BaseUrl + "/alarms?handler=Hotline", new() { Form = formData, MaxRedirects = 0 });
        Assert.Equal(302, first.Status);
        await form.GetByRole(AriaRole.Button, new() { Name = "录入报警" }).ClickAsync();
        await Expect(page.GetByText("该报警已录入（重复提交，未新增报警）")).ToBeVisibleAsync();

        var card = page.Locator("article[data-alarm-id]", new() { HasText = "郑淑芬" });
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card).ToContainTextAsync("跌倒");
        await Expect(card.Locator("[data-alarm-status]")).ToHaveTextAsync("待接警");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var alarm = await db.Alarms.SingleAsync(a => a.ElderId == elder.Id);
        Assert.Equal(AlarmKind.Fall, alarm.Kind);
        Assert.StartsWith("user:", alarm.Source);
        Assert.Null(alarm.DeviceId);

        // A new form (a new key) for the same elder is a new alarm: found this time by ID number.
        await FindOnHotline(page, IdNumber(611)); // posted: the number stays out of the URL
        Assert.DoesNotContain(IdNumber(611), page.Url);
        await Expect(page.Locator("[data-hotline-form]").GetByRole(AriaRole.Radio, new() { Name = "郑淑芬" })).ToBeCheckedAsync();
        await page.Locator("[data-hotline-form]").GetByRole(AriaRole.Button, new() { Name = "录入报警" }).ClickAsync();
        await Expect(page.GetByText("已录入一键呼救报警，请立即接警。")).ToBeVisibleAsync();
        Assert.Equal(2, await db.Alarms.CountAsync(a => a.ElderId == elder.Id));

        // Refused (a note over 500 characters): nothing stored, the form shown again with the same key and the elder kept.
        await FindOnHotline(page, "郑淑芬");
        var again = page.Locator("[data-hotline-form]");
        await again.GetByLabel("来电情况").EvaluateAsync("e => e.removeAttribute('maxlength')");
        await again.GetByLabel("来电情况").FillAsync(new string('长', 501));
        var key = await again.Locator("input[name=idempotencyKey]").InputValueAsync();
        await again.GetByRole(AriaRole.Button, new() { Name = "录入报警" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("备注不超过 500 字");
        await Expect(page.Locator("[data-hotline-form] input[name=idempotencyKey]")).ToHaveValueAsync(key);
        await Expect(page.Locator("[data-hotline-form]").GetByRole(AriaRole.Radio, new() { Name = "郑淑芬" })).ToBeCheckedAsync();
        Assert.Equal(2, await db.Alarms.CountAsync(a => a.ElderId == elder.Id));
    }

    [Fact]
    public async Task 登记设备时按姓名查找并选择老人_不再手填编号_密钥只显示一次()
    {
        var elder = await app.ElderAsync("钱秀英", IdNumber(612), "500153001", LivingArrangement.Alone);
        await app.ElderAsync("钱秀兰", IdNumber(613), "500153001", LivingArrangement.WithFamily);
        var page = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff));
        await page.GotoAsync(app.BaseUrl + "/devices");
        await page.GetByLabel("老年人姓名或身份证号").FillAsync("钱秀");
        await page.GetByRole(AriaRole.Button, new() { Name = "查找老年人" }).ClickAsync();
        var form = page.Locator("[data-device-form]");
        await Expect(form.GetByRole(AriaRole.Radio)).ToHaveCountAsync(2);
        await form.GetByRole(AriaRole.Radio, new() { Name = "钱秀英" }).CheckAsync();
        await form.GetByLabel("类型").SelectOptionAsync(new SelectOptionValue { Label = "智能手表" });
        await form.GetByLabel("序列号").FillAsync("WATCH-0612");
        await form.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();

        await Expect(page.Locator("[data-device-key]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^dk_"));
        var row = page.Locator("tr", new() { HasText = "WATCH-0612" });
        await Expect(row).ToContainTextAsync("钱秀英");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(elder.Id, (await db.Devices.SingleAsync(d => d.Serial == "WATCH-0612")).ElderId);
    }

    private async Task FindOnHotline(IPage page, string q)
    {
        await page.GotoAsync(app.BaseUrl + "/alarms");
        var hotline = page.Locator("[data-hotline]");
        await hotline.Locator("summary").ClickAsync();
        await hotline.GetByLabel("姓名或身份证号").FillAsync(q);
        await hotline.GetByRole(AriaRole.Button, new() { Name = "查找老年人" }).ClickAsync();
        await Expect(page.Locator("[data-hotline-form]")).ToBeVisibleAsync();
        // The console re-reads once it is connected; act after that, not while the form is being redrawn.
        await Expect(page.Locator("[data-alarm-cards][data-live=true]")).ToHaveCountAsync(1, new() { Timeout = 15000 });
    }

    private async Task<Alarm> RaiseAsync(Guid elderId, string key)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var elder = await db.Elders.SingleAsync(e => e.Id == elderId);
        var alarm = new Alarm
        {
            Source = "test", IdempotencyKey = key, RequestHash = new string('0', 64), ElderId = elderId, Kind = AlarmKind.Sos,
            OccurredAt = app.Clock.GetUtcNow().UtcDateTime, RaisedAt = app.Clock.GetUtcNow().UtcDateTime, RegionCode = elder.RegionCode,
            UnitCode = elder.UnitCode, Status = AlarmStatus.Raised,
        };
        db.Alarms.Add(alarm);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<AlarmBroadcast>()
            .SendAsync(AlarmResource.From(alarm), elder.UnitCode, "raised", alarm.RaisedAt);
        return alarm;
    }

    [Fact]
    public async Task 另一条报警到达刷新接警台时_已在卡片里填写的内容不丢失()
    {
        var first = await app.ElderAsync("孙桂珍", IdNumber(614), "500153001", LivingArrangement.Alone);
        var second = await app.ElderAsync("孙玉兰", IdNumber(615), "500153001", LivingArrangement.Alone);
        await RaiseAsync(first.Id, "keep-1");
        var page = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff));
        await page.GotoAsync(app.BaseUrl + "/alarms");
        await Expect(page.Locator("[data-alarm-cards][data-live=true]")).ToHaveCountAsync(1, new() { Timeout = 15000 });
        var card = page.Locator("article[data-alarm-id]", new() { HasText = "孙桂珍" });
        await card.GetByLabel("处置结果").SelectOptionAsync(new SelectOptionValue { Label = "误报" });
        await card.GetByLabel("备注").FillAsync("家属来电确认误触");

        await RaiseAsync(second.Id, "keep-2"); // the signal re-reads every card
        await Expect(page.Locator("article[data-alarm-id]", new() { HasText = "孙玉兰" })).ToBeVisibleAsync(new() { Timeout = 5000 });
        await Expect(card.GetByLabel("备注")).ToHaveValueAsync("家属来电确认误触");
        await Expect(card.GetByLabel("备注")).ToBeFocusedAsync();
        await Expect(card.GetByLabel("处置结果").Locator("option:checked")).ToHaveTextAsync("误报");
    }
}
