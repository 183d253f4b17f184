using System.Text.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Alarms;
using ElderCare.Web.Features.Evaluations;
using ElderCare.Web.Features.Meals;
using ElderCare.Web.Features.Tasks;
using ElderCare.Web.Features.Todo;
using ElderCare.Web.Features.Todo.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Tests.Todo;

/// <summary>
/// The to-do centre (三(一): 履职照单免责、失职照单问责): each source adds to the count and the list of the user it is for,
/// in that user's scope, each item linking to where it is done; the header badge shows the same count.
/// </summary>
public class TodoCentreTests(ElderCare.Tests.Tasks.TasksApp app) : IClassFixture<ElderCare.Tests.Tasks.TasksApp>
{
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private static async Task<int> Count(HttpClient c) => (await (await c.GetAsync("/api/todo/count")).Ok()).GetProperty("count").GetInt32();

    private static async Task<List<JsonElement>> Items(HttpClient c, string kind) =>
        (await (await c.GetAsync("/api/todo?take=100")).Ok()).GetProperty("groups").EnumerateArray()
        .Where(g => g.GetProperty("kind").GetString() == kind).SelectMany(g => g.GetProperty("items").EnumerateArray()).ToList();

    private Task<HttpClient> Changyuan() => app.ClientAs(Role.TownOfficer, Make.Changyuan);
    private Task<HttpClient> Panlong() => app.ClientAs(Role.TownOfficer, Make.Panlong);

    [Fact]
    public async Task A_task_due_within_seven_days_is_the_towns_to_do_and_not_another_towns()
    {
        var (town, other) = (await Changyuan(), await Panlong());
        var (before, otherBefore) = (await Count(town), await Count(other));
        // the clock is on 2026-11-29: due 2026-12-05 is within 7 days, 2027-03-01 is not
        var soon = await (await app.Staff.PostJson("/api/tasks", new
        {
            regionCode = Make.Changyuan, title = "待办测试：确认站点选址", kind = "other", dueOn = "2026-12-05",
        })).Created();
        await (await app.Staff.PostJson("/api/tasks", new { regionCode = Make.Changyuan, title = "待办测试：远期", kind = "other", dueOn = "2027-03-01" }))
            .Created();
        Assert.Equal((before + 1, otherBefore), (await Count(town), await Count(other)));
        var item = Assert.Single(await Items(town, TaskTodoSource.Kind), i => i.GetProperty("link").GetString() == $"/tasks/{soon.Id()}");
        Assert.Equal("待办测试：确认站点选址（截止 2026-12-05）", item.GetProperty("title").GetString());
        Assert.False(item.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task A_task_escalated_to_the_district_is_on_the_district_staffs_list()
    {
        var staffBefore = await Count(app.Staff);
        var id = (await (await app.Staff.PostJson("/api/tasks", new
        {
            regionCode = Make.Changyuan, title = "待办测试：逾期八天", kind = "other", dueOn = "2026-11-21",
        })).Created()).Id();
        Assert.Equal(staffBefore, await Count(app.Staff)); // not escalated yet
        await using (var scope = app.Scope(out var db))
            await TaskClockScan.EscalateAsync(db, scope.ServiceProvider.GetRequiredService<TaskOptions>(), app.Clock, default);
        Assert.Equal(staffBefore + 1, await Count(app.Staff));
        var item = Assert.Single(await Items(app.Staff, TaskTodoSource.Kind), i => i.GetProperty("link").GetString() == $"/tasks/{id}");
        Assert.True(item.GetProperty("overdue").GetBoolean());
        Assert.Contains("已逾期 8 天", item.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_evaluation_assigned_and_not_submitted_is_the_evaluators_to_do()
    {
        var evaluator = await app.User(Role.Evaluator, name: "todo.evaluator");
        var client = await app.ClientOf(evaluator.UserName!);
        var before = await Count(client);
        var facility = await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan, "待办评估中心"));
        Guid sheet;
        await using (app.Scope(out var db))
        {
            var template = await db.EvaluationTemplates.FirstAsync();
            var round = new EvaluationRound { Year = 2026, Kind = template.Kind, Name = "2026年度待办测试评估", OpenedBy = "test", OpenedAt = Now };
            db.EvaluationRounds.Add(round);
            var e = new Evaluation
            {
                RoundId = round.Id, FacilityId = facility, UnitCode = Make.Changyuan, TemplateId = template.Id, EvaluatorOrganisation = "第三方",
                EvaluatorUserIds = [evaluator.Id], Status = EvaluationStatus.Draft, AssignedBy = "test", AssignedAt = Now,
            };
            db.Evaluations.Add(e);
            await db.SaveChangesAsync();
            sheet = e.Id;
        }
        Assert.Equal(before + 1, await Count(client));
        var item = Assert.Single(await Items(client, EvaluationTodoSource.Kind), i => i.GetProperty("link").GetString() == $"/evaluations/{sheet}");
        Assert.Contains("待评分提交", item.GetProperty("title").GetString());
        var other = await app.ClientOf((await app.User(Role.Evaluator, name: "todo.evaluator2")).UserName!);
        Assert.Empty(await Items(other, EvaluationTodoSource.Kind));
    }

    [Fact]
    public async Task An_elder_last_assessed_more_than_twelve_months_ago_is_the_towns_to_do()
    {
        var town = await Changyuan();
        var before = await Count(town);
        var elder = await app.Staff.NewElder(Make.Elder(name: "待办评估老人"));
        var recent = await app.Staff.NewElder(Make.Elder(name: "近期评估老人"));
        await using (app.Scope(out var db))
        {
            // 2025-11-29 is exactly 12 months before 2026-11-29: overdue from today (Reassessment.IsOverdue); 2025-12-01 is not
            (await db.Elders.SingleAsync(e => e.Id == elder)).LastAssessedOn = new DateOnly(2025, 11, 29);
            (await db.Elders.SingleAsync(e => e.Id == recent)).LastAssessedOn = new DateOnly(2025, 12, 1);
            await db.SaveChangesAsync();
        }
        Assert.Equal(before + 1, await Count(town));
        var item = Assert.Single(await Items(town, AssessmentTodoSource.Kind),
            i => i.GetProperty("link").GetString() == $"/elders/{elder}/assessments/new");
        Assert.Equal("待办评估老人：上次评估 2025-11-29，已超过 12 个月", item.GetProperty("title").GetString());
        Assert.Empty(await Items(await Panlong(), AssessmentTodoSource.Kind));
    }

    [Fact]
    public async Task An_escalated_alarm_not_resolved_is_on_the_towns_and_the_districts_list()
    {
        var town = await Changyuan();
        var (townBefore, staffBefore) = (await Count(town), await Count(app.Staff));
        var elder = await app.Staff.NewElder(Make.Elder(name: "待办报警老人"));
        await using (app.Scope(out var db))
        {
            db.Alarms.Add(new Alarm
            {
                Source = "test", IdempotencyKey = Guid.NewGuid().ToString(), RequestHash = "x", ElderId = elder, Kind = AlarmKind.Fall,
                OccurredAt = Now.AddMinutes(-40), RaisedAt = Now.AddMinutes(-40), RegionCode = Make.Changyuan, UnitCode = Make.Changyuan,
                Status = AlarmStatus.Acknowledged, AcknowledgedAt = Now.AddMinutes(-39), EscalatedToTownAt = Now.AddMinutes(-10),
            });
            db.Alarms.Add(new Alarm
            {
                Source = "test", IdempotencyKey = Guid.NewGuid().ToString(), RequestHash = "x", ElderId = elder, Kind = AlarmKind.Sos,
                OccurredAt = Now.AddMinutes(-5), RaisedAt = Now.AddMinutes(-5), RegionCode = Make.Changyuan, UnitCode = Make.Changyuan,
                Status = AlarmStatus.Raised, EscalatedToDistrictAt = Now.AddMinutes(-3),
            });
            await db.SaveChangesAsync();
        }
        Assert.Equal((townBefore + 1, staffBefore + 1), (await Count(town), await Count(app.Staff)));
        Assert.Contains(await Items(town, AlarmTodoSource.Kind),
            i => i.GetProperty("title").GetString()!.StartsWith("待办报警老人", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_overdue_complaint_is_the_to_do_of_the_town_of_its_order()
    {
        var town = await Changyuan();
        var before = await Count(town);
        var facility = await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan, "待办投诉中心"));
        await app.Staff.ProviderOf(facility);
        var elder = await app.Staff.NewElder(Make.Elder(name: "待办投诉老人"));
        var now = app.Clock.GetUtcNow();
        var order = await app.Staff.Create("/api/orders", new
        {
            elderId = elder, serviceItemId = await app.Staff.ServiceItem("bathing"), windowStart = now.AddHours(2), windowEnd = now.AddHours(3),
        });
        var complaint = await app.Staff.Create($"/api/orders/{order}/complaints", new { severity = "serious", text = "待办测试：服务人员未按时上门" });
        Assert.Equal(before, await Count(town)); // 3 days to resolve
        await using (app.Scope(out var db))
        {
            (await db.Complaints.SingleAsync(c => c.Id == complaint)).DueAt = Now.AddHours(-1);
            await db.SaveChangesAsync();
        }
        Assert.Equal(before + 1, await Count(town));
        Assert.Contains(await Items(town, ComplaintTodoSource.Kind), i => i.GetProperty("title").GetString()!.Contains("待办测试：服务人员未按时上门"));
        Assert.Empty(await Items(await Panlong(), ComplaintTodoSource.Kind));
    }

    [Fact]
    public async Task A_certificate_expiring_within_thirty_days_is_the_to_do_of_the_workers_town()
    {
        var town = await Changyuan();
        var before = await Count(town);
        var facility = await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan, "待办证书中心"));
        var provider = await app.Staff.ProviderOf(facility);
        var soon = await app.Staff.NewWorker(Make.Caregiver(provider, "证书将到期", null, certificateExpires: "2026-12-29")); // today + 30
        await app.Staff.NewWorker(Make.Caregiver(provider, "证书有效", null, certificateExpires: "2026-12-30")); // today + 31
        Assert.Equal(before + 1, await Count(town));
        var item = Assert.Single(await Items(town, CertificateTodoSource.Kind), i => i.GetProperty("link").GetString() == $"/workers/{soon}/edit");
        Assert.Equal("证书将到期 的“bathing”证书 2026-12-29 到期", item.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_meal_batch_without_a_food_sample_is_the_to_do_of_the_kitchens_operator()
    {
        var facility = await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan, "待办留样中心"));
        var kitchen = await app.Staff.NewKitchen(facility, $"待办留样厨房{Make.Serial()}");
        var op = await app.ClientAs(Role.Operator, facilities: [facility]);
        Assert.Equal(0, await Count(op));
        await using (app.Scope(out var db))
        {
            db.FoodBatches.Add(new FoodBatch
            {
                KitchenId = kitchen, Date = new DateOnly(2026, 11, 29), Meal = Meal.Lunch, CookedAt = Now.AddHours(-1), RecordedBy = "test",
                CreatedAt = Now,
            });
            await db.SaveChangesAsync();
        }
        Assert.Equal(1, await Count(op));
        var item = Assert.Single(await Items(op, FoodSampleTodoSource.Kind));
        Assert.Equal($"/meals/food-safety?kitchenId={kitchen}", item.GetProperty("link").GetString());
    }

    [Fact]
    public async Task The_header_badge_shows_the_users_count_and_a_caregiver_has_nothing_to_do()
    {
        var town = await Changyuan();
        var count = await Count(town);
        var html = await town.GetStringAsync("/todo");
        Assert.Contains($"<span class=\"todo-badge__count\" data-count=\"{count}\">{count}</span>", html);
        Assert.Contains("id=\"todo-badge\"", html);
        Assert.Contains($"<span id=\"todo-total\">{count}</span>", html);
        var caregiver = await app.ClientAs(Role.Caregiver);
        Assert.Equal(0, await Count(caregiver));
        Assert.Equal(0, (await (await caregiver.GetAsync("/api/todo")).Ok()).GetProperty("total").GetInt32());
        Assert.Equal("<a id=\"todo-badge\" class=\"todo-badge\" href=\"/todo\" aria-label=\"待办事项 0 项\">待办 " +
            "<span class=\"todo-badge__count\" data-count=\"0\">0</span></a>", TodoBadge.Html(0));
    }
}
