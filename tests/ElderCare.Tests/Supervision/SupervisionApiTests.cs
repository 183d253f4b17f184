using System.Net;
using System.Text.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samples = ElderCare.Tests.Evidence.EvidenceSamples;

namespace ElderCare.Tests.Supervision;

/// <summary>
/// Monthly supervision over HTTP (三(一)): a round, an inspection with a failed item, a finding with its deadline and a photo,
/// the rectification by the operator or town, the re-inspection that closes or reopens it, and the refusals. Every test
/// uses a facility and a round (a third party of its own name) of its own; the clock is never moved.
/// </summary>
[Collection(nameof(SharedApp))]
public class SupervisionApiTests(AppFactory app)
{
    private const string Today = "2026-11-29"; // AppFactory.Start in China time

    private async Task<HttpClient> Inspector() =>
        await app.ClientOf((await app.User(Role.Evaluator, name: $"inspector{Make.Serial()}")).UserName!);

    /// <summary>A round of the month conducted by a third party of its own name.</summary>
    private async Task<Guid> Round(int month = 11) => await app.Staff.Create("/api/supervision/rounds",
        new { year = 2026, month, conductor = "third-party", organisation = $"督导评估公司{Make.Serial()}" });

    private async Task<List<string>> Codes(Guid round) =>
        (await (await app.Staff.GetAsync($"/api/supervision/rounds/{round}")).Ok()).GetProperty("checklist").GetProperty("items")
        .EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();

    /// <summary>Every item 符合 except the failed codes (不符合, with a note).</summary>
    private async Task<JsonElement> Inspect(HttpClient client, Guid round, Guid facility, string on = Today, params string[] failed)
    {
        var results = (await Codes(round)).Select(c => new
        {
            itemCode = c, result = failed.Contains(c) ? "fail" : "pass", note = failed.Contains(c) ? "现场发现问题" : null,
        });
        return await (await client.PostJson("/api/supervision/inspections",
            new { roundId = round, facilityId = facility, inspector = "张检查", inspectedOn = on, results })).Created();
    }

    private static async Task<Guid> Photo(HttpClient client, Guid facility)
    {
        var form = new MultipartFormDataContent { { new StringContent(facility.ToString()), "facilityId" } };
        form.Add(new ByteArrayContent(Samples.Padded(Samples.Png, 200 + Make.Serial())), "file", "现场照片.png");
        return (await (await client.PostAsync("/api/evidence", form)).Created()).Id();
    }

    private async Task<(Guid Facility, HttpClient Inspector, JsonElement Inspection, JsonElement Finding)> Raised(string severity = "serious")
    {
        var facility = await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan, $"督导中心{Make.Serial()}"));
        var inspector = await Inspector();
        var inspection = await Inspect(inspector, await Round(), facility, Today, "fire-safety");
        var photo = await Photo(inspector, facility);
        var finding = await (await inspector.PostJson("/api/supervision/findings", new
        {
            inspectionId = inspection.Id(), itemCode = "fire-safety", severity, description = "疏散通道堆放杂物", evidenceIds = new[] { photo },
        })).Created();
        return (facility, inspector, inspection, finding);
    }

    [Fact]
    public async Task Inspect_raise_rectify_reinspect_reopens_then_closes_and_a_closed_finding_answers_409()
    {
        var (facility, inspector, inspection, f) = await Raised();
        var id = f.Id();
        Assert.Equal(1, inspection.GetProperty("failed").GetInt32());
        var inspectedAt = inspection.GetProperty("inspectedAt").GetDateTime();
        Assert.Equal(AppFactory.Start.UtcDateTime, inspectedAt);
        // 严重: 3 days (72 hours) from the inspection time.
        Assert.Equal(inspectedAt.AddHours(72), f.GetProperty("dueAt").GetDateTime());
        Assert.Equal(("open", false, false), (f.GetProperty("status").GetString(), f.GetProperty("overdue").GetBoolean(),
            f.GetProperty("repeated").GetBoolean()));
        Assert.Equal(1, f.GetProperty("evidenceIds").GetArrayLength());

        var op = await app.ClientAs(Role.Operator, facilities: [facility]);
        var rectified = await (await op.PostJson($"/api/supervision/findings/{id}/rectification",
            new { note = "已清理通道", evidenceIds = new[] { await Photo(op, facility) } })).Ok();
        Assert.Equal("rectified", rectified.GetProperty("status").GetString());
        await (await op.PostJson($"/api/supervision/findings/{id}/rectification", new { note = "再次" })).AssertProblem(HttpStatusCode.Conflict);

        var reopened = await (await inspector.PostJson($"/api/supervision/findings/{id}/reinspection",
            new { passed = false, note = "仍有杂物" })).Ok();
        Assert.Equal("open", reopened.GetProperty("status").GetString());
        Assert.Equal(AppFactory.Start.UtcDateTime.AddHours(72), reopened.GetProperty("dueAt").GetDateTime()); // from the re-inspection
        Assert.Equal(["raised", "rectified", "reopened"],
            reopened.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("act").GetString()));

        var town = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        await (await town.PostJson($"/api/supervision/findings/{id}/rectification", new { note = "镇街督促清理完毕" })).Ok();
        var closed = await (await app.Staff.PostJson($"/api/supervision/findings/{id}/reinspection", new { passed = true })).Ok();
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        var again = await (await app.Staff.PostJson($"/api/supervision/findings/{id}/reinspection", new { passed = true }))
            .AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("已复查销号", again.GetProperty("detail").GetString());
        await (await town.PostJson($"/api/supervision/findings/{id}/rectification", new { note = "x" })).AssertProblem(HttpStatusCode.Conflict);

        // Every transition is an audited write (who, when, the finding in the target), refusals included.
        await using (app.Scope(out var db))
        {
            var audited = await db.AuditEntries.Where(e => e.Target!.Contains(id.ToString())).Select(e => new { e.Target, e.Outcome })
                .ToListAsync();
            Assert.Equal(4, audited.Count(e => e.Target!.EndsWith("/rectification", StringComparison.Ordinal)));
            Assert.Equal(3, audited.Count(e => e.Target!.EndsWith("/reinspection", StringComparison.Ordinal)));
            Assert.Equal(3, audited.Count(e => e.Outcome == "failure")); // the refused second rectification, re-inspection, rectification
        }
        var summary = await (await app.Staff.GetAsync($"/api/supervision/facilities/{facility}/summary?year=2026")).Ok();
        Assert.Equal((1, 0, 0, 0), (summary.GetProperty("findings").GetInt32(), summary.GetProperty("overdue").GetInt32(),
            summary.GetProperty("repeated").GetInt32(), summary.GetProperty("open").GetInt32()));
    }

    [Fact]
    public async Task A_finding_not_yet_rectified_cannot_be_reinspected()
    {
        var (_, inspector, _, f) = await Raised();
        var problem = await (await inspector.PostJson($"/api/supervision/findings/{f.Id()}/reinspection", new { passed = true }))
            .AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("尚未整改", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Out_of_scope_is_404_and_the_wrong_role_is_403()
    {
        var (facility, inspector, inspection, f) = await Raised();
        var id = f.Id();
        var otherTown = await app.ClientAs(Role.TownOfficer, region: Make.Fenggao);
        await (await otherTown.GetAsync($"/api/supervision/findings/{id}")).AssertProblem(HttpStatusCode.NotFound);
        await (await otherTown.PostJson($"/api/supervision/findings/{id}/rectification", new { note = "越界" }))
            .AssertProblem(HttpStatusCode.NotFound);
        var otherOperator = await app.ClientAs(Role.Operator, facilities: [Guid.NewGuid()]);
        await (await otherOperator.GetAsync($"/api/supervision/inspections/{inspection.Id()}")).AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await otherOperator.GetAsync($"/api/supervision/findings?facilityId={facility}")).Ok())
            .GetProperty("total").GetInt32());
        await (await otherOperator.GetAsync($"/api/supervision/facilities/{facility}/summary?year=2026")).AssertProblem(HttpStatusCode.NotFound);

        var op = await app.ClientAs(Role.Operator, facilities: [facility]);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PostJson($"/api/supervision/findings/{id}/reinspection", new { passed = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PostJson("/api/supervision/findings", new { inspectionId = inspection.Id() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await inspector.PostJson($"/api/supervision/findings/{id}/rectification", new { note = "x" })).StatusCode);
        var auditor = await app.ClientAs(Role.Auditor);
        Assert.Equal(id, (await (await auditor.GetAsync($"/api/supervision/findings/{id}")).Ok()).Id()); // the auditor reads
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostJson("/api/supervision/rounds", new { year = 2026 })).StatusCode);
    }

    [Fact]
    public async Task Bad_fields_are_400_naming_the_field_in_Chinese()
    {
        var (facility, inspector, inspection, f) = await Raised();
        var round = inspection.GetProperty("roundId").GetGuid();
        await (await app.Staff.PostJson("/api/supervision/rounds", new { year = 2026, month = 13, conductor = "district" }))
            .AssertFieldError("month");
        await (await app.Staff.PostJson("/api/supervision/rounds", new { year = 2026, month = 11, conductor = "third-party" }))
            .AssertFieldError("organisation");
        await (await inspector.PostJson("/api/supervision/inspections", new { roundId = round, facilityId = facility, inspectedOn = Today }))
            .AssertFieldError("inspector");
        var other = await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan, $"督导中心{Make.Serial()}"));
        await (await inspector.PostJson("/api/supervision/inspections",
            new { roundId = round, facilityId = other, inspector = "张检查", inspectedOn = Today, results = Array.Empty<object>() }))
            .AssertFieldError("results");
        await (await inspector.PostJson("/api/supervision/inspections",
            new { roundId = round, facilityId = other, inspector = "张检查", inspectedOn = "2026-10-31", results = Array.Empty<object>() }))
            .AssertFieldError("inspectedOn");
        await (await inspector.PostJson("/api/supervision/findings", new { inspectionId = inspection.Id(), description = "无等级" }))
            .AssertFieldError("severity");
        await (await inspector.PostJson("/api/supervision/findings",
            new { inspectionId = inspection.Id(), itemCode = "food-safety", severity = "minor", description = "该项符合" })).AssertFieldError("itemCode");
        // ADR 0019: another facility's evidence file reads as missing.
        var foreign = await Photo(inspector, other);
        await (await inspector.PostJson("/api/supervision/findings", new
        {
            inspectionId = inspection.Id(), severity = "minor", description = "检查表外问题", evidenceIds = new[] { foreign },
        })).AssertFieldError("evidenceIds[0]");
        var op = await app.ClientAs(Role.Operator, facilities: [facility]);
        await (await op.PostJson($"/api/supervision/findings/{f.Id()}/rectification", new { note = " " })).AssertFieldError("note");
        // ADR 0019 for the rectifier: a file of another facility (out of the operator's scope) reads as a missing one.
        var foreignSaid = await (await op.PostJson($"/api/supervision/findings/{f.Id()}/rectification",
            new { note = "已整改", evidenceIds = new[] { foreign } })).AssertFieldError("evidenceIds[0]");
        var missingSaid = await (await op.PostJson($"/api/supervision/findings/{f.Id()}/rectification",
            new { note = "已整改", evidenceIds = new[] { Guid.NewGuid() } })).AssertFieldError("evidenceIds[0]");
        Assert.Equal(missingSaid, foreignSaid);
        await (await op.GetAsync("/api/supervision/findings?severity=huge")).AssertFieldError("severity");
        await (await app.Staff.PostJson($"/api/supervision/checklists/{Guid.NewGuid()}/confirm", new { source = "" })).AssertFieldError("source");
    }

    [Fact]
    public async Task A_second_inspection_of_the_facility_in_the_round_and_a_second_round_of_the_month_are_409()
    {
        var facility = await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan, $"督导中心{Make.Serial()}"));
        var inspector = await Inspector();
        var organisation = $"督导评估公司{Make.Serial()}";
        var round = await app.Staff.Create("/api/supervision/rounds", new { year = 2026, month = 11, conductor = "third-party", organisation });
        await (await app.Staff.PostJson("/api/supervision/rounds", new { year = 2026, month = 11, conductor = "third-party", organisation }))
            .AssertProblem(HttpStatusCode.Conflict);
        await Inspect(inspector, round, facility);
        var results = (await Codes(round)).Select(c => new { itemCode = c, result = "pass" });
        await (await inspector.PostJson("/api/supervision/inspections",
            new { roundId = round, facilityId = facility, inspector = "李检查", inspectedOn = Today, results })).AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_same_item_failed_within_12_months_is_a_repeat_and_an_overdue_finding_is_listed_counted_and_flagged()
    {
        var facility = await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan, $"督导中心{Make.Serial()}"));
        var inspector = await Inspector();
        var october = await Inspect(inspector, await Round(10), facility, "2026-10-15", "food-safety");
        var first = await (await inspector.PostJson("/api/supervision/findings",
            new { inspectionId = october.Id(), itemCode = "food-safety", severity = "general", description = "留样不足 48 小时" })).Created();
        Assert.False(first.GetProperty("repeated").GetBoolean());
        var november = await Inspect(inspector, await Round(), facility, Today, "food-safety");
        var again = await (await inspector.PostJson("/api/supervision/findings",
            new { inspectionId = november.Id(), itemCode = "food-safety", severity = "urgent", description = "仍未留样" })).Created();
        Assert.True(again.GetProperty("repeated").GetBoolean());
        Assert.Equal(AppFactory.Start.UtcDateTime.AddHours(24), again.GetProperty("dueAt").GetDateTime()); // 紧急: 24 hours

        // The first finding's deadline passed (set in the past directly: the shared clock is never moved).
        await using (app.Scope(out var db))
        {
            var stored = await db.SupervisionFindings.SingleAsync(x => x.Id == first.Id());
            stored.DueAt = AppFactory.Start.UtcDateTime.AddHours(-1);
            await db.SaveChangesAsync();
        }
        var overdue = await (await app.Staff.GetAsync($"/api/supervision/findings?facilityId={facility}&overdue=true")).Ok();
        Assert.Equal(first.Id(), Assert.Single(overdue.GetProperty("items").EnumerateArray()).Id());
        Assert.True(overdue.GetProperty("items")[0].GetProperty("overdue").GetBoolean());
        var urgent = await (await app.Staff.GetAsync($"/api/supervision/findings?facilityId={facility}&severity=urgent&unitCode={Make.Changyuan}"))
            .Ok();
        Assert.Equal(again.Id(), Assert.Single(urgent.GetProperty("items").EnumerateArray()).Id());
        var summary = await (await app.Staff.GetAsync($"/api/supervision/facilities/{facility}/summary?year=2026")).Ok();
        Assert.Equal((2, 1, 1, 2), (summary.GetProperty("findings").GetInt32(), summary.GetProperty("overdue").GetInt32(),
            summary.GetProperty("repeated").GetInt32(), summary.GetProperty("open").GetInt32()));

        // The operator's to-do: both findings to rectify, the overdue one flagged and first.
        var op = await app.User(Role.Operator, facilities: [facility]);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var source = scope.ServiceProvider.GetServices<ElderCare.Web.Features.Todo.ITodoSource>()
                .OfType<ElderCare.Web.Features.Supervision.SupervisionTodoSource>().Single();
            var db = scope.ServiceProvider.GetRequiredService<ElderCare.Web.Data.AppDbContext>();
            var user = new ElderCare.Web.Features.Todo.TodoUser(Role.Operator,
                DataScope.For(Role.Operator, null, new HashSet<Guid> { facility }), op.Id);
            var now = AppFactory.Start.UtcDateTime;
            Assert.Equal(2, await source.CountAsync(user, db, now, default));
            var items = await source.ListAsync(user, db, now, 10, default);
            Assert.Equal(($"/supervision/findings/{first.Id()}", true), (items[0].Link, items[0].Overdue));
            Assert.False(items[1].Overdue);
            Assert.All(items, i => Assert.Equal("整改", i.Kind));
        }
    }

    [Fact]
    public async Task A_rectified_finding_is_a_reinspection_to_do_for_the_district_and_leaves_the_town_list()
    {
        var (facility, _, _, f) = await Raised("minor");
        Assert.Equal(AppFactory.Start.UtcDateTime.AddDays(15), f.GetProperty("dueAt").GetDateTime()); // 轻微: 15 days
        var town = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        await (await town.PostJson($"/api/supervision/findings/{f.Id()}/rectification", new { note = "已整改" })).Ok();
        await using var scope = app.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetServices<ElderCare.Web.Features.Todo.ITodoSource>()
            .OfType<ElderCare.Web.Features.Supervision.SupervisionTodoSource>().Single();
        var db = scope.ServiceProvider.GetRequiredService<ElderCare.Web.Data.AppDbContext>();
        var district = new ElderCare.Web.Features.Todo.TodoUser(Role.DistrictStaff, DataScope.District, Guid.NewGuid());
        var items = await source.ListAsync(district, db, AppFactory.Start.UtcDateTime, 1000, default);
        Assert.Contains(items, i => i.Link == $"/supervision/findings/{f.Id()}" && i.Kind == "复查");
        var op = new ElderCare.Web.Features.Todo.TodoUser(Role.Operator, DataScope.For(Role.Operator, null, new HashSet<Guid> { facility }),
            Guid.NewGuid());
        Assert.Equal(0, await source.CountAsync(op, db, AppFactory.Start.UtcDateTime, default));
        var auditor = new ElderCare.Web.Features.Todo.TodoUser(Role.Auditor, DataScope.District, Guid.NewGuid());
        Assert.Equal(0, await source.CountAsync(auditor, db, AppFactory.Start.UtcDateTime, default));
    }

    [Fact]
    public async Task The_checklists_are_seeded_as_placeholders_and_the_findings_export_is_an_xlsx()
    {
        var checklists = await (await app.Staff.GetAsync("/api/supervision/checklists")).Ok();
        var seeded = checklists.EnumerateArray().Single(c => c.GetProperty("year").GetInt32() == 2020);
        Assert.Equal(["construction", "safety", "services", "records"],
            seeded.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("group").GetString()).Distinct());
        Assert.Equal([24, 72, 168, 360], seeded.GetProperty("deadlines").EnumerateArray().Select(d => d.GetProperty("hours").GetInt32()));

        var (facility, _, _, _) = await Raised();
        var row = Assert.Single(await Uploads.ExcelRows(await app.Staff.GetAsync($"/api/supervision/findings/export.xlsx?facilityId={facility}")));
        Assert.Equal("昌元街道", row["镇街"]?.ToString()); // the unit's name, not its code
    }
}
