using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Services;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Tests.Services;

/// <summary>
/// 人工指定 (Dispatch.Overridable): when no worker qualifies the order page says why, rule by rule and worker by worker, and
/// an officer who may assign places a worker the suggestion left out with a reason — flagged on the order and in the list,
/// audited. The elder is picked on the new-order form by name.
/// </summary>
[Collection(nameof(SharedApp))]
public class DispatchOverrideTests(AppFactory app)
{
    /// <summary>Monday 30 November 2026, 10:00–11:00 China time: inside the default working hours.</summary>
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(8));

    private sealed record World(Guid Provider, Guid Worker, string WorkerName, Guid Order);

    /// <summary>A provider whose one caregiver serves 昌元街道; an order of that provider for an elder of 盘龙镇: nobody qualifies.</summary>
    private async Task<World> Arrange(string elderName)
    {
        var n = Make.Serial();
        var provider = await app.Staff.ProviderOf(await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan, $"派单测试中心{n}")));
        var workerName = $"跨区护理{n}";
        var worker = await app.Staff.NewWorker(Make.Caregiver(provider, workerName, null));
        var elder = await app.Staff.NewElder(Make.Elder(name: elderName, regionCode: Make.Panlong, categories: ["extreme-poverty"],
            lat: Make.HomeLat, lng: Make.HomeLng));
        var order = await app.Staff.Create("/api/orders",
            Make.ServiceOrder(elder, await app.Staff.ServiceItem("bathing"), Start, Start.AddHours(1), provider));
        return new World(provider, worker, workerName, order);
    }

    [Fact]
    public async Task With_nobody_qualified_the_suggestions_name_each_rule_and_each_worker_left_out()
    {
        var w = await Arrange("龙秀英");
        var s = await (await app.Staff.GetAsync($"/api/orders/{w.Order}/suggestions")).Ok();
        Assert.Equal(0, s.GetProperty("suggestions").GetArrayLength());
        var x = Assert.Single(s.GetProperty("excluded").EnumerateArray(), e => e.GetProperty("workerId").GetGuid() == w.Worker);
        Assert.Equal("region", x.GetProperty("rule").GetString());
        Assert.Equal("不服务该区域", x.GetProperty("reason").GetString());
        Assert.True(x.GetProperty("overridable").GetBoolean());
        var region = Assert.Single(s.GetProperty("counts").EnumerateArray());
        Assert.Equal(("region", "服务区域", 1), (region.GetProperty("rule").GetString(), region.GetProperty("name").GetString(),
            region.GetProperty("workers").GetInt32()));
        Assert.Equal(1, s.GetProperty("considered").GetInt32());

        var page = await app.Staff.Page($"/orders/{w.Order}");
        Assert.Contains("没有符合派单规则的服务人员", page.Text, StringComparison.Ordinal);
        Assert.Matches("服务区域\\s*：1 人不符合", page.Text);
        Assert.Contains($"{w.WorkerName} 服务区域 不服务该区域", page.Text, StringComparison.Ordinal);
        Assert.Contains("人工指定理由", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assigning_a_worker_left_out_needs_a_reason_then_flags_the_order_and_audits_it()
    {
        var w = await Arrange("龙桂兰");
        var url = $"/api/orders/{w.Order}/assign";
        Assert.Contains("人工指定理由", await (await app.Staff.PostJson(url, new { workerId = w.Worker })).AssertFieldError("overrideReason"),
            StringComparison.Ordinal);
        Assert.Contains("至少 4 个字", await (await app.Staff.PostJson(url, new { workerId = w.Worker, overrideReason = "指定" }))
            .AssertFieldError("overrideReason"), StringComparison.Ordinal);

        var o = await (await app.Staff.PostJson(url, new { workerId = w.Worker, overrideReason = "家属指定该护理员，已电话确认" })).Ok();
        Assert.Equal("assigned", o.GetProperty("status").GetString());
        var flag = o.GetProperty("dispatchOverride");
        Assert.Equal("region", flag.GetProperty("rule").GetString());
        Assert.Equal("家属指定该护理员，已电话确认", flag.GetProperty("reason").GetString());
        Assert.Contains("人工指定（不服务该区域）", o.GetProperty("transitions")[1].GetProperty("note").GetString(), StringComparison.Ordinal);

        await using (var scope = app.Scope(out var db))
        {
            var audit = await db.AuditEntries.Where(a => a.Action == "order.dispatch-override" && a.Target == $"order/{w.Order}").SingleAsync();
            Assert.Contains("家属指定该护理员", audit.Detail, StringComparison.Ordinal);
        }
        var list = await (await app.Staff.GetAsync($"/api/orders?providerId={w.Provider}")).Ok();
        Assert.True(list.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == w.Order)
            .GetProperty("dispatchOverridden").GetBoolean());
        Assert.Contains("人工指定", (await app.Staff.Page($"/orders?status=assigned")).Text, StringComparison.Ordinal);
        var details = await app.Staff.Page($"/orders/{w.Order}");
        Assert.Contains("未满足“服务区域”规则", details.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_worker_booked_in_the_window_is_refused_even_with_a_reason_and_a_caregiver_may_not_assign()
    {
        var w = await Arrange("龙素珍");
        await (await app.Staff.PostJson($"/api/orders/{w.Order}/assign", new { workerId = w.Worker, overrideReason = "家属指定该护理员" })).Ok();
        var elder = await app.Staff.NewElder(Make.Elder(name: "龙二妹", regionCode: Make.Panlong, categories: ["extreme-poverty"]));
        var second = await app.Staff.Create("/api/orders",
            Make.ServiceOrder(elder, await app.Staff.ServiceItem("bathing"), Start, Start.AddHours(1), w.Provider));
        Assert.Contains("已有其他工单", await (await app.Staff.PostJson($"/api/orders/{second}/assign",
            new { workerId = w.Worker, overrideReason = "家属指定该护理员" })).AssertFieldError("workerId"), StringComparison.Ordinal);
        var caregiver = await app.ClientAs(Role.Caregiver);
        Assert.Equal(HttpStatusCode.Forbidden, (await caregiver.PostJson($"/api/orders/{second}/assign",
            new { workerId = w.Worker, overrideReason = "家属指定该护理员" })).StatusCode);
    }

    [Fact]
    public async Task The_order_page_override_form_asks_for_the_reason_beside_the_field_then_flags_the_order()
    {
        var w = await Arrange("龙翠花");
        var url = $"/orders/{w.Order}?handler=Override";
        var refused = await (await app.PostForm(app.Staff, url, ("overrideWorkerId", w.Worker.ToString()), ("overrideReason", ""))).Page();
        Assert.Contains("人工指定理由", refused.FieldError("overrideReason"), StringComparison.Ordinal);
        var none = await (await app.PostForm(app.Staff, url, ("overrideWorkerId", ""), ("overrideReason", "家属指定该护理员"))).Page();
        Assert.NotNull(none.FieldError("overrideWorkerId"));

        var done = await (await app.PostForm(app.Staff, url, ("overrideWorkerId", w.Worker.ToString()),
            ("overrideReason", "家属指定该护理员"))).Page();
        Assert.Contains("人工指定", done.Text, StringComparison.Ordinal);
        Assert.Contains("理由：家属指定该护理员", done.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_new_order_form_finds_the_elder_by_name_with_the_id_number_masked_and_raises_the_order()
    {
        var n = Make.Serial();
        var name = $"查找测试{n}";
        var elder = await app.Staff.NewElder(Make.Elder(name: name, categories: ["extreme-poverty"]));
        var found = await (await app.PostForm(app.Staff, "/orders/new?handler=Find", ("q", name))).Page();
        Assert.Contains(name, found.Text, StringComparison.Ordinal);
        Assert.Contains($"value=\"{elder}\"", found.Html, StringComparison.Ordinal);
        Assert.Matches(@"\d{6}\*{8}\d{3}[\dX]", found.Text); // the ID number masked, as in the elder list

        var item = await app.Staff.ServiceItem("companionship");
        var raised = await (await app.PostForm(app.Staff, "/orders/new", ("q", name), ("elderId", elder.ToString()),
            ("serviceItemId", item.ToString()), ("date", "2026-11-30"), ("start", "09:00"), ("end", "10:00"), ("channel", "officer"))).Page();
        Assert.Matches("/orders/[0-9a-f-]{36}$", raised.Path!);

        var unpicked = await (await app.PostForm(app.Staff, "/orders/new", ("q", name), ("serviceItemId", item.ToString()),
            ("date", "2026-11-30"), ("start", "09:00"), ("end", "10:00"), ("channel", "officer"))).Page();
        Assert.Contains("查找老年人", unpicked.FieldError("q"), StringComparison.Ordinal);
        var outside = await app.ClientAs(Role.TownOfficer, region: Make.Panlong);
        var hidden = await (await app.PostForm(outside, "/orders/new?handler=Find", ("q", name))).Page();
        Assert.DoesNotContain($"value=\"{elder}\"", hidden.Html, StringComparison.Ordinal);
    }
}

/// <summary>批量派单 (/orders/dispatch): the day's unassigned orders with their top suggestion; one refusal leaves the others assigned.</summary>
[Collection(nameof(SharedApp))]
public class DispatchDayTests(AppFactory app)
{
    [Fact]
    public async Task The_checked_orders_are_assigned_each_on_its_own_and_a_refusal_is_reported()
    {
        var n = Make.Serial();
        var provider = await app.Staff.ProviderOf(await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan, $"批量派单中心{n}")));
        var worker = await app.Staff.NewWorker(Make.Caregiver(provider, $"批量护理{n}", null));
        var item = await app.Staff.ServiceItem("bathing");
        var start = new DateTimeOffset(2026, 12, 17, 9, 0, 0, TimeSpan.FromHours(8));
        var orders = new List<Guid>();
        foreach (var name in new[] { "批量甲", "批量乙" })
        {
            var elder = await app.Staff.NewElder(Make.Elder(name: $"{name}{n}", categories: ["extreme-poverty"], lat: Make.HomeLat,
                lng: Make.HomeLng));
            orders.Add(await app.Staff.Create("/api/orders", Make.ServiceOrder(elder, item, start, start.AddHours(1), provider)));
        }
        var page = await app.Staff.Page("/orders/dispatch?date=2026-12-17");
        Assert.Contains($"value=\"{orders[0]}:{worker}\"", page.Html, StringComparison.Ordinal); // both suggest the one worker
        Assert.Contains($"value=\"{orders[1]}:{worker}\"", page.Html, StringComparison.Ordinal);

        var done = await (await app.PostForm(app.Staff, "/orders/dispatch?date=2026-12-17", ("date", "2026-12-17"),
            ("picks", $"{orders[0]}:{worker}"), ("picks", $"{orders[1]}:{worker}"))).Page();
        Assert.Contains("已派单 1 张，未派 1 张", done.Text, StringComparison.Ordinal);
        Assert.Contains("已有其他工单", done.Text, StringComparison.Ordinal);
        var statuses = new List<string?>();
        foreach (var o in orders) statuses.Add((await (await app.Staff.GetAsync($"/api/orders/{o}")).Ok()).GetProperty("status").GetString());
        Assert.Equal(["assigned", "requested"], statuses);

        var none = await (await app.PostForm(app.Staff, "/orders/dispatch?date=2026-12-17", ("date", "2026-12-17"))).Page();
        Assert.Equal("请勾选要派单的工单。", none.FieldError("picks"));
        var caregiver = await app.ClientAs(Role.Caregiver);
        Assert.Equal(HttpStatusCode.Forbidden, (await caregiver.GetAsync("/orders/dispatch")).StatusCode);
    }
}
