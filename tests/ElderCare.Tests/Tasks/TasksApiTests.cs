using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Alarms;
using ElderCare.Web.Features.Tasks;
using ElderCare.Web.Infrastructure.Spreadsheets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Tests.Tasks;

/// <summary>The task list over HTTP (三(一)): create, scope, edit, status changes with evidence, generation, escalation, duties.</summary>
public class TasksApiTests(TasksApp app) : IClassFixture<TasksApp>
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01];

    private static object Body(string title = "建设昌元街道第二社区养老服务站", string kind = "build-station", string? region = Make.Changyuan,
        Guid? facility = null, string dueOn = "2026-12-31", string? phone = "13800001111") =>
        new
        {
            regionCode = region, facilityId = facility, title, kind, description = "按附件1标准建设", responsibleName = "李主任",
            responsiblePhone = phone, responsiblePost = "社会事务办主任", dueOn,
        };

    private async Task<JsonElement> NewTask(object? body = null) => await (await app.Staff.PostJson("/api/tasks", body ?? Body())).Created();

    private async Task<Guid> Evidence(HttpClient client, Guid facility, byte[]? bytes = null)
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent(facility.ToString()), "facilityId");
        var file = new ByteArrayContent(bytes ?? [.. Jpeg, .. Guid.NewGuid().ToByteArray()]);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", "现场照片.jpg");
        return (await (await client.PostAsync("/api/evidence", form)).Created()).Id();
    }

    [Fact]
    public async Task The_district_gives_a_task_the_town_sees_it_and_another_town_does_not()
    {
        var task = await NewTask();
        Assert.Equal(("open", "build-station", "李主任", "2026-12-31"), (task.GetProperty("status").GetString(),
            task.GetProperty("kind").GetString(), task.GetProperty("responsibleName").GetString(), task.GetProperty("dueOn").GetString()));
        Assert.Equal("昌元街道", task.GetProperty("unitName").GetString());
        var officer = await app.ClientAs(Role.TownOfficer, Make.Changyuan);
        (await officer.GetAsync($"/api/tasks/{task.Id()}")).EnsureSuccessStatusCode();
        var list = await (await officer.GetAsync("/api/tasks?pageSize=100")).Ok();
        Assert.All(list.GetProperty("items").EnumerateArray(), t => Assert.Equal(Make.Changyuan, t.GetProperty("unitCode").GetString()));
        var other = await app.ClientAs(Role.TownOfficer, Make.Panlong);
        await (await other.GetAsync($"/api/tasks/{task.Id()}")).AssertProblem(HttpStatusCode.NotFound);
        await (await other.PutJson($"/api/tasks/{task.Id()}", new { version = 1, responsibleName = "越界" })).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_task_without_title_with_a_bad_phone_or_a_facility_elsewhere_is_refused_by_field()
    {
        await (await app.Staff.PostJson("/api/tasks", Body(title: ""))).AssertFieldError("title");
        await (await app.Staff.PostJson("/api/tasks", Body(phone: "12345"))).AssertFieldError("responsiblePhone");
        await (await app.Staff.PostJson("/api/tasks", new { title = "无截止日期", kind = "other", regionCode = Make.Changyuan }))
            .AssertFieldError("dueOn");
        await (await app.Staff.PostJson("/api/tasks", Body(region: "500153999"))).AssertFieldError("regionCode");
        var inPanlong = await app.Staff.NewFacility(Make.CentreIn(Make.Panlong, "任务测试中心"));
        await (await app.Staff.PostJson("/api/tasks", Body(facility: inPanlong))).AssertFieldError("facilityId");
        var message = await (await app.Staff.PostJson("/api/tasks", Body(title: "坏\u202E字"))).AssertFieldError("title");
        Assert.Contains("任务名称", message);
    }

    [Fact]
    public async Task Only_the_district_gives_tasks()
    {
        var officer = await app.ClientAs(Role.TownOfficer, Make.Changyuan);
        await (await officer.PostJson("/api/tasks", Body())).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_town_names_the_responsible_person_but_the_deadline_is_the_districts_and_a_stale_version_is_a_conflict()
    {
        var task = await NewTask();
        var officer = await app.ClientAs(Role.TownOfficer, Make.Changyuan);
        var updated = await (await officer.PutJson($"/api/tasks/{task.Id()}",
            new { version = 1, responsibleName = "王站长", responsiblePhone = "023-46781234", responsiblePost = "社区书记" })).Ok();
        Assert.Equal(("王站长", 2), (updated.GetProperty("responsibleName").GetString(), updated.GetProperty("version").GetInt32()));
        await (await officer.PutJson($"/api/tasks/{task.Id()}", new { version = 2, dueOn = "2027-06-30" })).AssertProblem(HttpStatusCode.Forbidden);
        await (await app.Staff.PutJson($"/api/tasks/{task.Id()}", new { version = 1, dueOn = "2027-06-30" })).AssertProblem(HttpStatusCode.Conflict);
        var moved = await (await app.Staff.PutJson($"/api/tasks/{task.Id()}", new { version = 2, dueOn = "2027-06-30" })).Ok();
        Assert.Equal("2027-06-30", moved.GetProperty("dueOn").GetString());
        await (await app.Staff.PutJson($"/api/tasks/{task.Id()}", new { dueOn = "2027-06-30" })).AssertFieldError("version");
    }

    [Fact]
    public async Task Building_a_station_is_done_only_with_evidence_of_its_facility_and_the_lifecycle_is_kept()
    {
        var facility = await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan, "任务证明中心"));
        var other = await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan, "别的中心"));
        var task = await NewTask(Body(facility: facility));
        var id = task.Id();
        var officer = await app.ClientAs(Role.TownOfficer, Make.Changyuan);
        var started = await (await officer.PostJson($"/api/tasks/{id}/status", new { version = 1, status = "in-progress" })).Ok();
        Assert.Equal("in-progress", started.GetProperty("status").GetString());
        var refusal = await (await officer.PostJson($"/api/tasks/{id}/status", new { version = 2, status = "done" })).AssertFieldError("status");
        Assert.Contains("证明材料", refusal);
        var wrong = await Evidence(officer, other);
        await (await officer.PostJson($"/api/tasks/{id}/evidence", new { evidenceId = wrong })).AssertFieldError("evidenceId");
        var missing = await (await officer.PostJson($"/api/tasks/{id}/evidence", new { evidenceId = Guid.NewGuid() })).AssertFieldError("evidenceId");
        // ADR 19: another unit's file is refused with the same words as a file that does not exist
        var foreign = await Evidence(app.Staff, await app.Staff.NewFacility(Make.CentreIn(Make.Panlong, "盘龙证明中心")));
        Assert.Equal(missing,
            await (await officer.PostJson($"/api/tasks/{id}/evidence", new { evidenceId = foreign })).AssertFieldError("evidenceId"));
        var photo = await Evidence(officer, facility);
        var attached = await (await officer.PostJson($"/api/tasks/{id}/evidence", new { evidenceId = photo })).Ok();
        Assert.Equal(photo, Assert.Single(attached.GetProperty("evidenceIds").EnumerateArray()).GetGuid());
        await (await officer.PostJson($"/api/tasks/{id}/status", new { version = 3, status = "cancelled" })).AssertProblem(HttpStatusCode.Forbidden);
        var done = await (await officer.PostJson($"/api/tasks/{id}/status", new { version = 3, status = "done", note = "已挂牌运营" })).Ok();
        Assert.Equal(("done", "已挂牌运营"), (done.GetProperty("status").GetString(), done.GetProperty("statusNote").GetString()));
        await (await app.Staff.PostJson($"/api/tasks/{id}/status", new { version = 4, status = "cancelled" })).AssertProblem(HttpStatusCode.Conflict);
        await (await officer.PostJson($"/api/tasks/{id}/status", new { version = 4, status = "bogus" })).AssertFieldError("status");
        var details = await (await officer.GetAsync($"/api/tasks/{id}")).Ok();
        Assert.Equal("现场照片.jpg", Assert.Single(details.GetProperty("evidence").EnumerateArray()).GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task The_list_filters_overdue_tasks_refuses_unknown_values_and_exports_to_excel()
    {
        var late = await NewTask(Body(title: "逾期任务（筛选）", kind: "other", dueOn: "2026-11-20"));
        var later = await NewTask(Body(title: "未到期任务（筛选）", kind: "other", dueOn: "2027-01-31"));
        var overdue = await (await app.Staff.GetAsync($"/api/tasks?overdue=true&kind=other&regionCode={Make.Changyuan}&pageSize=100")).Ok();
        var ids = overdue.GetProperty("items").EnumerateArray().Select(t => t.Id()).ToList();
        Assert.Contains(late.Id(), ids);
        Assert.DoesNotContain(later.Id(), ids);
        var row = overdue.GetProperty("items").EnumerateArray().First(t => t.Id() == late.Id());
        Assert.Equal((true, 9), (row.GetProperty("overdue").GetBoolean(), row.GetProperty("daysOverdue").GetInt32())); // 2026-11-29 − 11-20
        await (await app.Staff.GetAsync("/api/tasks?status=bogus")).AssertFieldError("status");
        await (await app.Staff.GetAsync("/api/tasks?kind=bogus")).AssertFieldError("kind");
        await (await app.Staff.GetAsync("/api/tasks?regionCode=5001")).AssertFieldError("regionCode");
        await (await app.Staff.GetAsync("/api/tasks?page=0")).AssertFieldError("page");
        var export = await app.Staff.GetAsync($"/api/tasks/export?overdue=true&regionCode={Make.Changyuan}");
        export.EnsureSuccessStatusCode();
        Assert.Equal(SpreadsheetWriter.ContentType, export.Content.Headers.ContentType?.MediaType);
        var rows = Uploads.Sheet(await export.Content.ReadAsByteArrayAsync(), "任务清单");
        Assert.Contains(rows, r => (string?)r["任务"] == "逾期任务（筛选）");
        Assert.DoesNotContain(rows, r => (string?)r["任务"] == "未到期任务（筛选）");
    }

    [Fact]
    public async Task Generation_from_gaps_is_idempotent_and_closes_a_task_whose_gap_disappeared()
    {
        var small = await app.Staff.NewFacility(Make.Facility(name: $"面积不足中心{Make.Serial()}", floorArea: 1000));
        var first = await (await app.Staff.PostAsync("/api/tasks/generate", null)).Ok();
        Assert.True(first.GetProperty("gaps").GetInt32() > 0);
        var again = await (await app.Staff.PostAsync("/api/tasks/generate", null)).Ok();
        Assert.Equal((0, 0), (again.GetProperty("added").GetInt32(), again.GetProperty("reopened").GetInt32()));
        var key = $"compliance:{small}:min-floor-area";
        await using (app.Scope(out var db))
        {
            var task = await db.DutyTasks.SingleAsync(t => t.SourceKey == key);
            Assert.Equal((DutyTaskKind.FixFinding, DutyTaskStatus.Open, small), (task.Kind, task.Status, task.FacilityId));
            Assert.True(await db.DutyTasks.AnyAsync(t => t.Source == DutyTaskSource.Coverage));
            var facility = await db.Facilities.SingleAsync(f => f.Id == small);
            facility.FloorArea = 1600;
            await db.SaveChangesAsync();
        }
        var third = await (await app.Staff.PostAsync("/api/tasks/generate", null)).Ok();
        Assert.True(third.GetProperty("closed").GetInt32() >= 1);
        await using (app.Scope(out var db))
        {
            var task = await db.DutyTasks.SingleAsync(t => t.SourceKey == key);
            Assert.Equal((DutyTaskStatus.Done, GapTasks.ClosedNote), (task.Status, task.StatusNote));
            Assert.NotNull(task.GapClosedAt);
        }
        var officer = await app.ClientAs(Role.TownOfficer, Make.Changyuan);
        await (await officer.PostAsync("/api/tasks/generate", null)).AssertProblem(HttpStatusCode.Forbidden);
    }

    private sealed class CapturingNotifier : INotifier
    {
        public List<(string Recipient, string Message)> Sent { get; } = [];

        public Task SendAsync(string recipient, string? phone, string message, CancellationToken ct)
        {
            Sent.Add((recipient, message));
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task An_overdue_task_escalates_once_per_level_and_the_notice_goes_through_the_notifier()
    {
        // due 2026-11-21, the clock on 2026-11-29: 8 days overdue → level 1 (1 day) and level 2 (7 days), not 3 (30 days)
        var id = (await NewTask(Body(title: "升级测试任务", kind: "other", dueOn: "2026-11-21"))).Id();
        var notifier = new CapturingNotifier();
        await using (var scope = app.Scope(out var db))
        {
            var options = scope.ServiceProvider.GetRequiredService<TaskOptions>();
            await TaskClockScan.EscalateAsync(db, options, app.Clock, default);
            db.ChangeTracker.Clear();
            Assert.Equal([1, 2], await db.DutyTaskEscalations.Where(e => e.TaskId == id).OrderBy(e => e.Level).Select(e => e.Level).ToListAsync());
            await TaskClockScan.EscalateAsync(db, options, app.Clock, default);
            db.ChangeTracker.Clear();
            Assert.Equal(2, await db.DutyTaskEscalations.CountAsync(e => e.TaskId == id));
            await TaskClockScan.NotifyAsync(db, notifier, options, app.Clock, null, default);
        }
        Assert.Contains(notifier.Sent, s => s.Message == "【任务逾期】昌元街道：升级测试任务 已逾期 8 天（截止 2026-11-21），升级至区民政局。");
        var details = await (await app.Staff.GetAsync($"/api/tasks/{id}")).Ok();
        Assert.Equal(2, details.GetProperty("task").GetProperty("escalationLevel").GetInt32());
        Assert.All(details.GetProperty("escalations").EnumerateArray(),
            e => Assert.NotEqual(JsonValueKind.Null, e.GetProperty("notifiedAt").ValueKind));
    }

    [Fact]
    public async Task The_duty_list_is_the_policys_division_of_duties_shown_per_unit_in_scope()
    {
        var officer = await app.ClientAs(Role.TownOfficer, Make.Changyuan);
        var list = await (await officer.GetAsync("/api/tasks/duties")).Ok();
        Assert.Equal(Make.Changyuan, list.GetProperty("unitCode").GetString());
        Assert.Contains(list.GetProperty("duties").EnumerateArray(), d => d.GetProperty("duty").GetString() == "坚持每月督办社区居家养老服务全覆盖相关工作"
            && d.GetProperty("clause").GetString() == "三(一)" && d.GetProperty("role").GetString() == "town-officer");
        Assert.Equal([1, 7, 30], list.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("daysOverdue").GetInt32()));
        await (await officer.GetAsync($"/api/tasks/duties?unitCode={Make.Panlong}")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_pages_show_the_list_the_task_the_form_and_the_duty_list()
    {
        var task = await NewTask(Body(title: "页面测试任务", dueOn: "2026-11-30")); // due first: on the list's first page
        Assert.Contains("页面测试任务", await app.Staff.GetStringAsync("/tasks"));
        var page = await app.Staff.GetStringAsync($"/tasks/{task.Id()}");
        Assert.Contains("确认改变任务状态", page);
        Assert.Contains("上传证明材料", page);
        Assert.Contains("下达", await app.Staff.GetStringAsync("/tasks/new"));
        Assert.Contains("履职照单免责", await app.Staff.GetStringAsync($"/tasks/duties?unitCode={Make.Changyuan}"));
        var other = await app.ClientAs(Role.TownOfficer, Make.Panlong);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/tasks/{task.Id()}")).StatusCode);
    }
}
