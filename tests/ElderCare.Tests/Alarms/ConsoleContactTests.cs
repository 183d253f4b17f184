using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Tests.Alarms;

/// <summary>
/// The console's one-click call-up of an emergency contact's full number (UnmaskContact, API and page), and the cards'
/// server clock, answer limit and today's handled list.
/// </summary>
public class ConsoleContactTests(AlarmsApp app) : IClassFixture<AlarmsApp>
{
    private async Task<Guid> Raise(HttpClient officer, Guid elder, string key)
    {
        var body = new { kind = "fall", occurredAt = AppFactory.Start, elderId = elder };
        var r = await officer.SendAsync(AlarmsApiTests.AlarmRequest(null, key, body));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.ReadJson()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Duty_staff_without_the_unmask_permission_call_up_a_contacts_full_number_and_the_audit_names_the_alarm()
    {
        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan); // no general unmask permission
        var alarm = await Raise(officer, await AlarmsApiTests.Elder(app, name: "赵秀英"), "contact-1");

        var cards = await officer.GetStringAsync("/alarms?handler=Cards");
        Assert.Contains("139****1111", cards, StringComparison.Ordinal);
        Assert.DoesNotContain("13900001111", cards, StringComparison.Ordinal);

        var shown = await (await officer.PostJson($"/api/alarms/{alarm}/contact-phone", new { contact = 0 })).Ok();
        Assert.Equal("13900001111", shown.GetProperty("phone").GetString());
        Assert.Equal("李小军", shown.GetProperty("name").GetString());
        Assert.Equal("儿子", shown.GetProperty("relation").GetString());

        await using var scope = app.Scope(out var db);
        var entry = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "data.unmask" && e.Detail!.Contains(alarm.ToString()))
            .SingleAsync();
        Assert.Contains("紧急救援", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("跌倒", entry.Detail, StringComparison.Ordinal);
        Assert.EndsWith("/contact/0/phone", entry.Target, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_call_up_refuses_a_missing_or_unknown_contact_400_another_units_alarm_404_other_roles_403_and_a_resolved_alarm_409()
    {
        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        var alarm = await Raise(officer, await AlarmsApiTests.Elder(app, name: "钱桂花"), "contact-2");
        Assert.Contains("序号", await (await officer.PostJson($"/api/alarms/{alarm}/contact-phone", new { })).AssertFieldError("contact"));
        Assert.Contains("1 位紧急联系人", await (await officer.PostJson($"/api/alarms/{alarm}/contact-phone", new { contact = 3 }))
            .AssertFieldError("contact"), StringComparison.Ordinal);
        var panlong = await app.ClientAs(Role.TownOfficer, region: Make.Panlong);
        await (await panlong.PostJson($"/api/alarms/{alarm}/contact-phone", new { contact = 0 })).AssertProblem(HttpStatusCode.NotFound);
        await (await officer.PostJson($"/api/alarms/{Guid.NewGuid()}/contact-phone", new { contact = 0 })).AssertProblem(HttpStatusCode.NotFound);
        foreach (var role in new[] { Role.Caregiver, Role.Evaluator, Role.Auditor })
            await (await (await app.ClientAs(role)).PostJson($"/api/alarms/{alarm}/contact-phone", new { contact = 0 }))
                .AssertProblem(HttpStatusCode.Forbidden);

        await (await officer.PostJson($"/api/alarms/{alarm}/resolve", new { outcome = "false-alarm" })).Ok();
        await (await officer.PostJson($"/api/alarms/{alarm}/contact-phone", new { contact = 0 })).AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Without_JavaScript_the_card_form_shows_the_number_as_a_tel_link()
    {
        var officer = await app.ClientAs(Role.DistrictStaff);
        var alarm = await Raise(officer, await AlarmsApiTests.Elder(app, name: "孙玉梅"), "contact-3");
        var r = await app.PostForm(officer, $"/alarms?handler=Contact&id={alarm}", ("contact", "0"));
        var html = await r.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("href=\"tel:13900001111\"", html, StringComparison.Ordinal);
        Assert.Contains("no-store", r.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cards_carry_the_servers_clock_and_the_answer_limit_and_list_the_alarms_handled_today()
    {
        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        var alarm = await Raise(officer, await AlarmsApiTests.Elder(app, name: "周凤英"), "contact-4");
        var cards = await officer.GetStringAsync("/alarms?handler=Cards");
        Assert.Contains($"data-server-now=\"{app.Clock.GetUtcNow().UtcDateTime:O}\"", cards, StringComparison.Ordinal);
        Assert.Contains("data-answer-seconds=\"60\" data-warn-seconds=\"45\"", cards, StringComparison.Ordinal);
        Assert.Contains("接警时限 60 秒", cards, StringComparison.Ordinal);

        await (await officer.PostJson($"/api/alarms/{alarm}/acknowledge", new { })).Ok();
        await (await officer.PostJson($"/api/alarms/{alarm}/resolve", new { outcome = "false-alarm" })).Ok();
        cards = await officer.GetStringAsync("/alarms?handler=Cards");
        Assert.Contains("今日已处理", cards, StringComparison.Ordinal);
        Assert.Contains($"data-handled-id=\"{alarm}\"", cards, StringComparison.Ordinal);
        Assert.Contains("0:00", cards, StringComparison.Ordinal); // answered at once on the fake clock, shown as m:ss
    }

    [Fact]
    public async Task The_cards_re_read_leaves_the_message_cookie_alone_so_a_post_answered_meanwhile_keeps_its_message()
    {
        // The console re-reads the cards on every signal, often while the operator's own post is under way. Had that re-read
        // loaded TempData, its answer would re-issue or delete the message cookie and could land after the post's answer.
        var officer = await app.ClientAs(Role.DistrictStaff);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/alarms?handler=Cards");
        request.Headers.Add("Cookie", ".AspNetCore.Mvc.CookieTempDataProvider=stale");
        var r = await officer.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var cookies = r.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
        Assert.DoesNotContain(cookies, c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider", StringComparison.Ordinal));
    }
}
