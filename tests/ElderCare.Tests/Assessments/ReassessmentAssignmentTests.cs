using System.Net;
using System.Text.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Tests.Assessments;

/// <summary>
/// 分配评估员 (batch assignment of due reassessments): the due list (Reassessment: 12 months, or at once after a change of
/// condition), one act giving the chosen elders to one assessor in scope (ADR 19: an assessor or elder out of scope is
/// not found), on the assessor's to-do until assessed, audited. Its own app: it reads the evaluator's to-do and the audit.
/// </summary>
public class ReassessmentAssignmentTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Url = "/api/reassessments/assignments";

    /// <summary>An elder last assessed on <paramref name="lastAssessed"/> (set directly: the assessment form is tested elsewhere).</summary>
    private async Task<Guid> Elder(string name, string region, DateOnly lastAssessed)
    {
        var id = await app.Staff.NewElder(Make.Elder($"{name}{Make.Serial()}", regionCode: region));
        await using var scope = app.Scope(out var db);
        await db.Elders.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.LastAssessedOn, lastAssessed));
        return id;
    }

    private static readonly DateOnly LongAgo = new(2025, 10, 1); // the clock is on 2026-11-29: more than 12 months

    private static List<JsonElement> Items(JsonElement due) => due.GetProperty("elders").GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task A_town_officer_sees_the_due_elders_of_the_town_and_gives_them_to_an_evaluator_whose_to_do_lists_them()
    {
        var here = await Elder("到期甲", Make.Changyuan, LongAgo);
        var recent = await Elder("未到期", Make.Changyuan, new DateOnly(2026, 6, 1));
        var there = await Elder("到期乙", Make.Panlong, LongAgo);
        var officer = await app.ClientAs(Role.TownOfficer, Make.Changyuan);
        var evaluator = await app.User(Role.Evaluator);
        var panlongOfficer = await app.User(Role.TownOfficer, Make.Panlong);

        var due = await (await officer.GetAsync("/api/reassessments/due?pageSize=100")).Ok();
        var ids = Items(due).Select(e => e.GetProperty("elderId").GetGuid()).ToList();
        Assert.Contains(here, ids);
        Assert.DoesNotContain(recent, ids);
        Assert.DoesNotContain(there, ids);
        var row = Items(due).Single(e => e.GetProperty("elderId").GetGuid() == here);
        Assert.Equal("2026-10-01", row.GetProperty("dueOn").GetString());
        Assert.True(row.GetProperty("overdue").GetBoolean());
        var assessors = due.GetProperty("assessors").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(evaluator.Id, assessors);
        Assert.DoesNotContain(panlongOfficer.Id, assessors);

        var todo = await app.ClientAs(Role.Evaluator);
        var assigned = await (await officer.PostJson(Url, new { elderIds = new[] { here }, assessorId = evaluator.Id })).Ok();
        Assert.Equal(1, assigned.GetProperty("count").GetInt32());
        var items = (await (await todo.GetAsync("/api/todo?take=100")).Ok()).GetProperty("groups").EnumerateArray()
            .Where(g => g.GetProperty("kind").GetString() == "待重新评估（已分配）").SelectMany(g => g.GetProperty("items").EnumerateArray()).ToList();
        var item = Assert.Single(items, i => i.GetProperty("link").GetString() == $"/elders/{here}/assessments/new");
        Assert.True(item.GetProperty("overdue").GetBoolean());
        Assert.Contains("2026-10-01 到期", item.GetProperty("title").GetString());

        var again = Items(await (await officer.GetAsync("/api/reassessments/due?pageSize=100")).Ok())
            .Single(e => e.GetProperty("elderId").GetGuid() == here);
        Assert.Equal(evaluator.Id, again.GetProperty("assessorId").GetGuid());

        await using (var scope = app.Scope(out var db))
        {
            // The latest: the page test of this class may have given the same evaluator elders before.
            var entry = await db.AuditEntries.Where(a => a.Action == "assessment.reassessment-assign" && a.Target == $"user/{evaluator.Id}")
                .OrderByDescending(a => a.Sequence).FirstAsync();
            Assert.Contains("1 位老年人", entry.Detail);
            // Assessed on the day: off the to-do.
            await db.Elders.Where(e => e.Id == here).ExecuteUpdateAsync(s => s.SetProperty(e => e.LastAssessedOn, new DateOnly(2026, 11, 29)));
        }
        var after = (await (await todo.GetAsync("/api/todo?take=100")).Ok()).GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("items").EnumerateArray());
        Assert.DoesNotContain(after, i => i.GetProperty("link").GetString() == $"/elders/{here}/assessments/new");
    }

    [Fact]
    public async Task Refusals_name_the_field_in_Chinese_and_anything_out_of_scope_is_not_found()
    {
        var here = await Elder("拒绝甲", Make.Changyuan, LongAgo);
        var there = await Elder("拒绝乙", Make.Panlong, LongAgo);
        var recent = await Elder("拒绝丙", Make.Changyuan, new DateOnly(2026, 6, 1));
        var officer = await app.ClientAs(Role.TownOfficer, Make.Changyuan);
        var evaluator = await app.User(Role.Evaluator);
        var panlongOfficer = await app.User(Role.TownOfficer, Make.Panlong);
        var changyuanOfficer = await app.User(Role.TownOfficer, Make.Changyuan);

        var empty = await officer.PostJson(Url, new { });
        Assert.Contains("请勾选", await empty.AssertFieldError("elderIds"), StringComparison.Ordinal);
        Assert.Contains("请选择评估员", await (await officer.PostJson(Url, new { elderIds = new[] { here } })).AssertFieldError("assessorId"),
            StringComparison.Ordinal);
        await (await officer.PostJson(Url, new { elderIds = new[] { here }, assessorId = panlongOfficer.Id })).AssertProblem(HttpStatusCode.NotFound);
        await (await officer.PostJson(Url, new { elderIds = new[] { there }, assessorId = evaluator.Id })).AssertProblem(HttpStatusCode.NotFound);
        await (await officer.PostJson(Url, new { elderIds = new[] { here }, assessorId = Guid.NewGuid() })).AssertProblem(HttpStatusCode.NotFound);
        Assert.Contains("无须重新评估", await (await officer.PostJson(Url, new { elderIds = new[] { recent }, assessorId = evaluator.Id }))
            .AssertFieldError("elderIds[0]"), StringComparison.Ordinal);
        // The district sees every officer, but a town officer cannot assess another town's elder.
        Assert.Contains("管辖范围", await (await app.Staff.PostJson(Url, new { elderIds = new[] { there }, assessorId = changyuanOfficer.Id }))
            .AssertFieldError("assessorId"), StringComparison.Ordinal);
        await (await officer.GetAsync("/api/reassessments/due?withinDays=365")).AssertFieldError("withinDays");

        foreach (var role in new[] { Role.Evaluator, Role.Operator, Role.Auditor })
            await (await (await app.ClientAs(role)).PostJson(Url, new { elderIds = new[] { here }, assessorId = evaluator.Id }))
                .AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_page_lists_the_due_elders_with_checkboxes_and_assigns_the_ticked_ones()
    {
        var here = await Elder("页面甲", Make.Changyuan, LongAgo);
        var evaluator = await app.User(Role.Evaluator);
        var officer = await app.ClientAs(Role.TownOfficer, Make.Changyuan);
        var page = await officer.Page("/assessments/due");
        Assert.Contains($"name=\"elderIds\" value=\"{here}\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("分配评估员", page.Text, StringComparison.Ordinal);

        var posted = await (await app.PostForm(officer, "/assessments/due?handler=Assign", ("elderIds", here.ToString()),
            ("assessorId", evaluator.Id.ToString()))).Page();
        Assert.Contains($"{evaluator.DisplayName}（", posted.Text, StringComparison.Ordinal); // the row names its assessor
        Assert.Contains("分配）", posted.Text, StringComparison.Ordinal);

        var refused = await (await app.PostForm(officer, "/assessments/due?handler=Assign", ("assessorId", evaluator.Id.ToString()))).Page();
        Assert.Contains("请勾选 1 至 200 位老年人。", refused.Text, StringComparison.Ordinal);
    }
}
