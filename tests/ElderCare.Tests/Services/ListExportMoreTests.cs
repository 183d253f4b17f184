using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;

namespace ElderCare.Tests.Services;

/// <summary>
/// The worker, device, alarm and complaint lists (ADR 30): sortable by a whitelisted column (an unknown key gives the
/// default order, never an error), filters kept in the URL, and an Excel export of exactly the filtered rows, masked
/// unless the user may unmask and audited as list.export. Its own app: it reads the audit entries of its exports.
/// </summary>
public class ListExportMoreTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<List<System.Text.Json.JsonElement>> Exports(string target)
    {
        var auditor = await app.ClientAs(Role.Auditor);
        return (await (await auditor.GetAsync("/api/audit?action=list.export&pageSize=100")).Ok()).GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("target").GetString() == target).ToList();
    }

    [Fact]
    public async Task The_worker_list_filters_by_name_sorts_and_exports_the_rows_with_phones_masked()
    {
        var tag = $"人员导出{Make.Serial()}";
        var provider = await app.Staff.ProviderOf(await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan, $"导出中心{Make.Serial()}")));
        foreach (var n in new[] { "乙", "甲", "丙" }) await app.Staff.NewWorker(Make.Caregiver(provider, $"{tag}{n}", null));
        await app.Staff.NewWorker(Make.Caregiver(provider, $"别人{Make.Serial()}", null));

        var q = Uri.EscapeDataString(tag);
        var page = await app.Staff.GetStringAsync($"/workers?name={q}&sort=name&dir=desc");
        Assert.Contains($"href=\"/workers?name={q}\">姓名", page); // the active column toggles back to the default order
        Assert.Contains($"href=\"/workers?name={q}&amp;sort=name&amp;dir=desc&amp;handler=export\"", page);
        Assert.DoesNotContain("别人", page);

        var rows = await Uploads.ExcelRows(await app.Staff.GetAsync($"/workers?handler=export&name={q}&sort=name&dir=desc"));
        Assert.Equal(["甲", "乙", "丙"], rows.Select(r => r["姓名"]!.ToString()![tag.Length..]));
        Assert.All(rows, r => Assert.Equal("139****2222", r["电话"]?.ToString()));
        Assert.All(rows, r => Assert.Equal("昌元街道", r["服务区域"]?.ToString())); // the region's name, not its code
        var entry = Assert.Single(await Exports("workers"), e => e.GetProperty("detail").GetString()!.Contains(tag));
        Assert.Contains("3 行；个人信息脱敏", entry.GetProperty("detail").GetString());

        // The API: the same filter, and a sort key off the whitelist is the default order (by name), never an error.
        var api = await (await app.Staff.GetAsync($"/api/workers?name={q}&sort=PhoneProtected&dir=desc")).Ok();
        Assert.Equal(["丙", "乙", "甲"], api.GetProperty("items").EnumerateArray().Select(w => w.GetProperty("name").GetString()![tag.Length..]));
        var unknown = await Uploads.ExcelRows(await app.Staff.GetAsync($"/workers?handler=export&name={q}&sort=name);drop&dir=desc"));
        Assert.Equal(["丙", "乙", "甲"], unknown.Select(r => r["姓名"]!.ToString()![tag.Length..]));
        await (await app.Staff.GetAsync($"/api/workers?name={new string('长', 51)}")).AssertFieldError("name");
    }

    [Fact]
    public async Task The_device_export_holds_the_filtered_rows_sorted_by_serial_and_is_audited()
    {
        var tag = $"SN{Make.Serial():000000}X";
        var elder = await app.Staff.NewElder(Make.Elder($"设备老人{Make.Serial()}"));
        foreach (var n in new[] { "B", "A", "C" })
            await (await app.Staff.PostJson("/api/devices", new { elderId = elder, kind = "smart-watch", serial = $"{tag}{n}" })).Created();

        var rows = await Uploads.ExcelRows(await app.Staff.GetAsync($"/devices?handler=export&serial={tag}&sort=serial&dir=desc"));
        Assert.Equal([$"{tag}C", $"{tag}B", $"{tag}A"], rows.Select(r => r["序列号"]?.ToString()));
        Assert.All(rows, r => Assert.Equal("从未上线", r["状态"]?.ToString()));
        Assert.Contains(await Exports("devices"), e => e.GetProperty("detail").GetString()!.Contains($"serial={tag}"));

        var page = await app.Staff.GetStringAsync($"/devices?serial={tag}&sort=nonsense");
        Assert.Contains($"href=\"/devices?serial={tag}&amp;handler=export\"", page); // an unknown key: the default order
        Assert.Contains($"href=\"/devices?serial={tag}&amp;sort=serial&amp;dir=asc\"", page);
    }

    [Fact]
    public async Task The_alarm_list_filters_by_kind_sorts_and_exports_only_the_alarms_in_scope()
    {
        var elder = await app.Staff.NewElder(Make.Elder($"报警老人{Make.Serial()}", regionCode: Make.Panlong));
        var other = await app.Staff.NewElder(Make.Elder($"别处老人{Make.Serial()}", regionCode: Make.Changyuan));
        foreach (var (who, key) in new[] { (elder, "a"), (elder, "b"), (other, "c") })
        {
            var m = ElderCare.Tests.Alarms.AlarmsApiTests.AlarmRequest(null, $"list-{key}-{Make.Serial()}",
                new { kind = "gas", occurredAt = AppFactory.Start, elderId = who });
            Assert.Equal(HttpStatusCode.Created, (await app.Staff.SendAsync(m)).StatusCode);
        }
        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Panlong);
        var page = await officer.GetStringAsync("/alarms/list?kind=gas&sort=raised&dir=asc");
        Assert.Contains("报警记录", page);
        Assert.Contains("href=\"/alarms/list?kind=gas&amp;sort=raised&amp;dir=asc&amp;handler=export\"", page);

        var rows = await Uploads.ExcelRows(await officer.GetAsync("/alarms/list?handler=export&kind=gas&sort=raised&dir=asc"));
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.StartsWith("报警老人", r["老年人"]?.ToString()));
        Assert.All(rows, r => Assert.Equal("燃气报警", r["类型"]?.ToString()));
        Assert.Contains(await Exports("alarms"), e => e.GetProperty("detail").GetString()!.Contains("kind=gas"));

        var html = await officer.GetAsync("/alarms/list?handler=export&kind=toaster");
        Assert.StartsWith("text/html", html.Content.Headers.ContentType?.ToString()); // a bad filter: the list with the error
        await (await officer.GetAsync("/api/alarms?kind=toaster")).AssertFieldError("kind");
        var evaluator = await app.ClientAs(Role.Evaluator);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync("/alarms/list?handler=export")).StatusCode);
    }

    [Fact]
    public async Task The_complaint_export_holds_the_filtered_rows_sorted_as_asked_and_is_audited()
    {
        var provider = await app.Staff.ProviderOf(await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan, $"投诉中心{Make.Serial()}")));
        var tag = $"投诉老人{Make.Serial()}";
        var elder = await app.Staff.NewElder(Make.Elder(tag));
        var item = await app.Staff.ServiceItem();
        var day = app.Clock.GetUtcNow().AddDays(3);
        var order = await app.Staff.Create("/api/orders", Make.ServiceOrder(elder, item, day, day.AddMinutes(50), provider));
        foreach (var severity in new[] { "minor", "serious" })
            await (await app.Staff.PostJson($"/api/orders/{order}/complaints", new { severity, text = $"{tag}的{severity}投诉" })).Created();

        var rows = await Uploads.ExcelRows(await app.Staff.GetAsync("/complaints?handler=export&severity=serious&sort=due&dir=desc"));
        Assert.Contains(rows, r => r["内容"]?.ToString() == $"{tag}的serious投诉");
        Assert.DoesNotContain(rows, r => r["内容"]?.ToString() == $"{tag}的minor投诉");
        Assert.All(rows, r => Assert.Equal("严重", r["严重程度"]?.ToString()));
        var due = rows.Select(r => r["办结期限"]!.ToString()!).ToList();
        Assert.Equal(due.OrderByDescending(d => d, StringComparer.Ordinal), due);
        Assert.Contains(await Exports("complaints"), e => e.GetProperty("detail").GetString()!.Contains("severity=serious"));

        var page = await app.Staff.GetStringAsync("/complaints?severity=serious&sort=nonsense&dir=desc");
        Assert.Contains("href=\"/complaints?severity=serious&amp;handler=export\"", page);
        await (await app.Staff.GetAsync("/api/complaints?severity=awful")).AssertFieldError("severity");
    }
}
