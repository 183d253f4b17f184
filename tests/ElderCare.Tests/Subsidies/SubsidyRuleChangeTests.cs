using System.Net;
using System.Text.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Evaluations;

namespace ElderCare.Tests.Subsidies;

/// <summary>
/// Rules as effective-dated data (三(二)(三), ADR 0023): confirming a placeholder, setting a new figure from a date (a
/// later claim reverses and claims anew, nothing is edited), the year's money at each ledger step, and the two pages.
/// An app of its own: a rule change reaches every claim of the district.
/// </summary>
public class SubsidyRuleChangeTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateOnly Opened = new(2026, 4, 1); // the clock is 2026-11-29: April–October ended, 7 months

    private async Task<JsonElement> Rule(string kind, string? grade = null) =>
        (await (await app.Staff.GetAsync("/api/subsidies/rules")).Ok()).EnumerateArray()
        .First(r => r.GetProperty("kind").GetString() == kind && r.GetProperty("effectiveTo").ValueKind == JsonValueKind.Null
                    && (grade is null || r.GetProperty("grade").GetString() == grade));

    private async Task<Guid> ExcellentFacility()
    {
        var facility = await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan, "标准修订测试中心") with { OpenedOn = Opened, StatusDate = Opened });
        await using var scope = app.Scope(out var db);
        db.EvaluationResults.Add(new EvaluationResult
        {
            FacilityId = facility, Year = 2026, Kind = EvaluationKind.Annual, Grade = EvaluationGrade.Excellent, Score = 95m,
            RoundId = Guid.NewGuid(), EvaluationId = Guid.NewGuid(), ApprovedBy = "district", ApprovedAt = app.Clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
        return facility;
    }

    private async Task<List<JsonElement>> Claim(Guid facility) =>
        (await (await app.Staff.PostJson("/api/subsidies/claims", new { year = 2026 })).Created()).GetProperty("lines").EnumerateArray()
        .Where(l => l.GetProperty("facilityId").ValueKind != JsonValueKind.Null && l.GetProperty("facilityId").GetGuid() == facility).ToList();

    [Fact]
    public async Task A_new_grade_factor_from_a_date_ends_the_old_one_and_a_later_claim_reverses_and_claims_anew()
    {
        var facility = await ExcellentFacility();
        var before = Assert.Single(await Claim(facility));
        Assert.Equal(4_666_667, before.GetProperty("amountFen").GetInt64()); // 80,000 × 7/12 × 1.0
        var excellent = await Rule("grade-factor", "excellent");

        var url = $"/api/subsidies/rules/{excellent.Id()}/revisions";
        await (await app.Staff.PostJson(url, new { amountFen = 1100, effectiveFrom = "2019-01-01", source = "荣民政发〔2026〕1号" }))
            .AssertFieldError("effectiveFrom");
        await (await app.Staff.PostJson(url, new { amountFen = 2500, effectiveFrom = "2026-01-01", source = "荣民政发〔2026〕1号" }))
            .AssertFieldError("amountFen");
        await (await app.Staff.PostJson(url, new { amountFen = 1100, effectiveFrom = "2026-01-01" })).AssertFieldError("source");
        var revised = await (await app.Staff.PostJson(url, new { amountFen = 1100, effectiveFrom = "2026-01-01", source = "荣民政发〔2026〕1号" }))
            .Created();
        Assert.True(revised.GetProperty("confirmed").GetBoolean());
        Assert.Equal("优秀 1.1", revised.GetProperty("figure").GetString());
        var old = (await (await app.Staff.GetAsync("/api/subsidies/rules")).Ok()).EnumerateArray().Single(r => r.Id() == excellent.Id());
        Assert.Equal("2025-12-31", old.GetProperty("effectiveTo").GetString());
        // Only the rule in force can be revised.
        await (await app.Staff.PostJson(url, new { amountFen = 1200, effectiveFrom = "2026-06-01", source = "再次修订" }))
            .AssertProblem(HttpStatusCode.Conflict);

        var after = await Claim(facility);
        Assert.Equal(2, after.Count);
        var reversal = after.Single(l => l.GetProperty("reversalOf").ValueKind != JsonValueKind.Null);
        Assert.Equal(before.Id(), reversal.GetProperty("reversalOf").GetGuid());
        Assert.Equal(-4_666_667, reversal.GetProperty("amountFen").GetInt64());
        var anew = after.Single(l => l.GetProperty("reversalOf").ValueKind == JsonValueKind.Null);
        Assert.Equal(5_133_333, anew.GetProperty("amountFen").GetInt64()); // 80,000 × 7/12 × 1.1 = 51,333.33 元
        Assert.Equal("80,000 × 7/12 个月 × 优秀 1.1 = 51,333.33 元", anew.GetProperty("explanation").GetString());
    }

    [Fact]
    public async Task A_placeholder_is_confirmed_once_with_its_source()
    {
        var rate = await Rule("placement-operating");
        Assert.False(rate.GetProperty("confirmed").GetBoolean());
        var url = $"/api/subsidies/rules/{rate.Id()}/confirm";
        await (await app.Staff.PostJson(url, new { source = " " })).AssertFieldError("source");
        var confirmed = await (await app.Staff.PostJson(url, new { source = "荣民政发〔2026〕2号" })).Ok();
        Assert.True(confirmed.GetProperty("confirmed").GetBoolean());
        Assert.DoesNotContain("待确认", confirmed.GetProperty("figure").GetString(), StringComparison.Ordinal);
        await (await app.Staff.PostJson(url, new { source = "再次确认" })).AssertProblem(HttpStatusCode.Conflict);
        await (await app.Staff.PostJson($"/api/subsidies/rules/{Guid.NewGuid()}/confirm", new { source = "x" }))
            .AssertProblem(HttpStatusCode.NotFound);
        var town = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        Assert.Equal(HttpStatusCode.Forbidden, (await town.PostJson(url, new { source = "镇街" })).StatusCode);
    }

    [Fact]
    public async Task The_summary_counts_each_ledger_step_net_of_reversals_and_the_plan_in_scope()
    {
        var facility = await ExcellentFacility();
        var line = (await Claim(facility)).Single(l => l.GetProperty("reversalOf").ValueKind == JsonValueKind.Null);
        var amount = line.GetProperty("amountFen").GetInt64();
        var before = await (await app.Staff.GetAsync("/api/subsidies/summary?year=2026")).Ok();
        Assert.True(before.GetProperty("committedFen").GetInt64() >= amount);
        var approvedBefore = before.GetProperty("approvedFen").GetInt64();
        var town = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        await (await town.PostJson("/api/subsidies/claims/review", new { lineIds = new[] { line.Id() } })).Ok();
        await (await app.Staff.PostJson("/api/subsidies/claims/approve", new { lineIds = new[] { line.Id() } })).Ok();
        var after = await (await app.Staff.GetAsync("/api/subsidies/summary?year=2026")).Ok();
        Assert.Equal(approvedBefore + amount, after.GetProperty("approvedFen").GetInt64());
        // 附件2 plans street centres and community stations for the district: the awards they imply are positive.
        Assert.True(after.GetProperty("plannedAwardsFen").GetInt64() > 0);
        Assert.True(after.GetProperty("plannedOperatingFen").GetInt64() > 0);
        // A town sees only its own lines and plan rows.
        var mine = await (await town.GetAsync("/api/subsidies/summary?year=2026")).Ok();
        Assert.True(mine.GetProperty("plannedAwardsFen").GetInt64() < after.GetProperty("plannedAwardsFen").GetInt64());
    }

    [Fact]
    public async Task The_rules_page_revises_in_yuan_and_the_placements_page_registers_by_id_number()
    {
        var browser = app.Browser();
        var staff = await app.User(Role.DistrictStaff);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostSignIn(staff.UserName!, AppFactory.Password)).StatusCode);
        var village = await Rule("operating-subsidy");
        var token = await browser.FormToken("/subsidies/rules");
        var bad = await browser.PostAsync("/subsidies/rules?handler=revise", new FormUrlEncodedContent(
            [new("ruleId", village.Id().ToString()), new("amount", "12.345"), new("effectiveFrom", "2026-07-01"), new("source", "文号"),
             new("confirm", "true"), new("__RequestVerificationToken", token)]));
        Assert.Contains("最多两位小数", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var placements = await browser.GetStringAsync("/subsidies/placements");
        Assert.Contains("登记安置", placements, StringComparison.Ordinal);
        token = await browser.FormToken("/subsidies/placements");
        var unknown = await browser.PostAsync("/subsidies/placements?handler=register", new FormUrlEncodedContent(
            [new("idNumber", "500226194501010018"), new("facilityId", ""), new("from", "2026-11-01"), new("confirm", "true"),
             new("__RequestVerificationToken", token)]));
        Assert.Contains("辖区内没有登记该身份证号的老年人", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
