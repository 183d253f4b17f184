using System.Net;
using System.Text.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Evaluations;
using ElderCare.Web.Features.Facilities;

namespace ElderCare.Tests.Subsidies;

/// <summary>
/// The money cycle over HTTP: claim → town review → district approval → batch → payment, and its refusals. An app of its
/// own: a claim run computes the whole district, so it must not meet other classes' facilities mid-test.
/// </summary>
public class SubsidiesApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateOnly Opened = new(2026, 4, 1); // the clock is 2026-11-29: April–October ended, 7 months

    private async Task<Guid> OperatingFacility(string region = Make.Changyuan)
    {
        var input = Make.CentreIn(region, "补贴测试中心") with { OpenedOn = Opened, StatusDate = Opened };
        return await app.Staff.NewFacility(input);
    }

    private async Task<Guid> Evaluated(Guid facility, EvaluationGrade grade, EvaluationKind kind = EvaluationKind.Annual)
    {
        await using var scope = app.Scope(out var db);
        var result = new EvaluationResult
        {
            FacilityId = facility, Year = 2026, Kind = kind, Grade = grade, Score = 88.5m, RoundId = Guid.NewGuid(), EvaluationId = Guid.NewGuid(),
            ApprovedBy = "district", ApprovedAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        db.EvaluationResults.Add(result);
        await db.SaveChangesAsync();
        return result.Id;
    }

    private async Task Regrade(Guid facility, EvaluationGrade grade)
    {
        await using (var scope = app.Scope(out var db))
        {
            db.EvaluationResults.RemoveRange(db.EvaluationResults.Where(r => r.FacilityId == facility && r.Kind == EvaluationKind.Annual));
            await db.SaveChangesAsync();
        }
        await Evaluated(facility, grade);
    }

    private async Task<List<JsonElement>> Claim(Guid facility)
    {
        var raised = await (await app.Staff.PostJson("/api/subsidies/claims", new { year = 2026 })).Created();
        return raised.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("facilityId").ValueKind != JsonValueKind.Null
            && l.GetProperty("facilityId").GetGuid() == facility).ToList();
    }

    private async Task<HttpClient> Town(string region = Make.Changyuan) => await app.ClientAs(Role.TownOfficer, region: region);

    private async Task<Guid> Approved(Guid facility)
    {
        var line = Assert.Single(await Claim(facility)).Id();
        (await (await (await Town()).PostJson("/api/subsidies/claims/review", new { lineIds = new[] { line } })).Ok()).GetArrayLength();
        await (await app.Staff.PostJson("/api/subsidies/claims/approve", new { lineIds = new[] { line } })).Ok();
        return line;
    }

    [Fact]
    public async Task A_claim_goes_through_review_approval_batch_and_payment_and_is_paid_once()
    {
        var facility = await OperatingFacility();
        await Evaluated(facility, EvaluationGrade.Good);
        var line = Assert.Single(await Claim(facility));
        Assert.Equal(4_200_000, line.GetProperty("amountFen").GetInt64());
        Assert.Equal("80,000 × 7/12 个月 × 良好 0.9 = 42,000 元", line.GetProperty("explanation").GetString());
        Assert.Equal("lottery-fund", line.GetProperty("fundingSource").GetString());
        var id = line.Id();

        // Approval before the town's review is refused: the cycle goes in order.
        await (await app.Staff.PostJson("/api/subsidies/claims/approve", new { lineIds = new[] { id } })).AssertProblem(HttpStatusCode.Conflict);
        await (await (await Town()).PostJson("/api/subsidies/claims/review", new { lineIds = new[] { id } })).Ok();
        await (await app.Staff.PostJson("/api/subsidies/claims/approve", new { lineIds = new[] { id } })).Ok();

        var created = await app.Staff.PostJson("/api/subsidies/batches", new { fundingSource = "lottery-fund", lineIds = new[] { id } });
        var batch = await created.Created();
        Assert.Equal($"/api/subsidies/batches/{batch.Id()}", created.Headers.Location?.OriginalString);
        Assert.Equal(4_200_000, batch.GetProperty("totalFen").GetInt64());

        var paid = await (await app.Staff.PostJson($"/api/subsidies/batches/{batch.Id()}/payment",
            new { voucherNumber = "记-2026-1201", paidOn = "2026-11-28" })).Ok();
        Assert.Equal("paid", paid.GetProperty("status").GetString());
        var again = await app.Staff.PostJson($"/api/subsidies/batches/{batch.Id()}/payment",
            new { voucherNumber = "记-2026-1202", paidOn = "2026-11-29" });
        Assert.Contains("不能重复支付", (await again.AssertProblem(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        await (await app.Staff.PostJson("/api/subsidies/batches", new { fundingSource = "lottery-fund", lineIds = new[] { id } }))
            .AssertProblem(HttpStatusCode.Conflict);

        var ledger = await (await app.Staff.GetAsync($"/api/subsidies/ledger?facilityId={facility}")).Ok();
        Assert.Equal("paid", Assert.Single(ledger.GetProperty("items").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Claiming_the_same_year_again_adds_nothing()
    {
        var facility = await OperatingFacility();
        await Evaluated(facility, EvaluationGrade.Excellent);
        Assert.Single(await Claim(facility));
        Assert.Empty(await Claim(facility));
        var ledger = await (await app.Staff.GetAsync($"/api/subsidies/ledger?facilityId={facility}")).Ok();
        Assert.Equal(1, ledger.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_changed_grade_after_approval_raises_a_reversal_and_a_new_line()
    {
        var facility = await OperatingFacility();
        await Evaluated(facility, EvaluationGrade.Good);
        var original = await Approved(facility);
        await Regrade(facility, EvaluationGrade.Excellent);

        var lines = await Claim(facility);
        Assert.Equal(2, lines.Count);
        var reversal = lines.Single(l => l.GetProperty("reversalOf").ValueKind != JsonValueKind.Null);
        Assert.Equal((original, -4_200_000L), (reversal.GetProperty("reversalOf").GetGuid(), reversal.GetProperty("amountFen").GetInt64()));
        var replacement = lines.Single(l => l.GetProperty("reversalOf").ValueKind == JsonValueKind.Null);
        Assert.Equal(4_666_667, replacement.GetProperty("amountFen").GetInt64()); // 80,000 × 7/12 × 1.0 = 46,666.67 元
        Assert.Equal("80,000 × 7/12 个月 × 优秀 1.0 = 46,666.67 元", replacement.GetProperty("explanation").GetString());
        // The approved line is not edited: still approved, same amount.
        var ledger = await (await app.Staff.GetAsync($"/api/subsidies/ledger?facilityId={facility}&status=approved")).Ok();
        Assert.Equal(4_200_000, Assert.Single(ledger.GetProperty("items").EnumerateArray()).GetProperty("amountFen").GetInt64());
        Assert.Empty(await Claim(facility));
    }

    [Fact]
    public async Task A_town_officer_reviewing_another_units_line_gets_404_and_an_operator_sees_only_its_own()
    {
        var panlong = await OperatingFacility(Make.Panlong);
        await Evaluated(panlong, EvaluationGrade.Pass);
        var line = Assert.Single(await Claim(panlong)).Id();
        var changyuan = await Town();
        await (await changyuan.PostJson("/api/subsidies/claims/review", new { lineIds = new[] { line } })).AssertProblem(HttpStatusCode.NotFound);
        var own = await (await changyuan.GetAsync("/api/subsidies/ledger?pageSize=100")).Ok();
        Assert.All(own.GetProperty("items").EnumerateArray(), l => Assert.Equal(Make.Changyuan, l.GetProperty("townCode").GetString()));
        await (await (await Town(Make.Panlong)).PostJson("/api/subsidies/claims/review", new { lineIds = new[] { line } })).Ok();

        var mine = await OperatingFacility();
        await Evaluated(mine, EvaluationGrade.Good);
        await Claim(mine);
        var operatorClient = await app.ClientAs(Role.Operator, facilities: [mine]);
        var seen = await (await operatorClient.GetAsync("/api/subsidies/ledger?pageSize=100")).Ok();
        Assert.All(seen.GetProperty("items").EnumerateArray(), l => Assert.Equal(mine, l.GetProperty("facilityId").GetGuid()));
        Assert.Equal(1, seen.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_construction_award_is_claimed_against_a_passed_acceptance()
    {
        var facility = await OperatingFacility();
        var acceptance = await Evaluated(facility, EvaluationGrade.Pass, EvaluationKind.Acceptance);
        var award = Assert.Single(await Claim(facility));
        Assert.Equal(("construction-award", 200_000_000L, "municipal-award"), (award.GetProperty("kind").GetString(),
            award.GetProperty("amountFen").GetInt64(), award.GetProperty("fundingSource").GetString()));
        Assert.Contains(award.GetProperty("evidence").EnumerateArray(), e => e.GetString() == $"evaluation-result:{acceptance}");
    }

    [Fact]
    public async Task Refusals_name_the_field_in_Chinese()
    {
        await (await app.Staff.PostJson("/api/subsidies/claims", new { })).AssertFieldError("year");
        await (await app.Staff.PostJson("/api/subsidies/claims", new { year = 2027 })).AssertFieldError("year");
        await (await app.Staff.PostJson("/api/subsidies/claims/approve", new { lineIds = Array.Empty<Guid>() })).AssertFieldError("lineIds");
        await (await app.Staff.PostJson("/api/subsidies/batches", new { })).AssertFieldError("fundingSource");
        await (await app.Staff.PostJson($"/api/subsidies/batches/{Guid.NewGuid()}/payment", new { voucherNumber = "x", paidOn = "2026-11-01" }))
            .AssertProblem(HttpStatusCode.NotFound);
        await (await app.Staff.PutJson("/api/subsidies/lottery-fund/2026", new { amountFen = 0, source = "x" })).AssertFieldError("amountFen");
        await (await app.Staff.PostJson("/api/subsidies/placements", new { facilityId = Guid.NewGuid(), from = "2026-11-01" }))
            .AssertFieldError("elderId");
    }

    [Fact]
    public async Task A_payment_needs_a_voucher_number()
    {
        var facility = await OperatingFacility();
        await Evaluated(facility, EvaluationGrade.Good);
        var line = await Approved(facility);
        var batch = await (await app.Staff.PostJson("/api/subsidies/batches", new { fundingSource = "lottery-fund", lineIds = new[] { line } }))
            .Created();
        await (await app.Staff.PostJson($"/api/subsidies/batches/{batch.Id()}/payment", new { paidOn = "2026-11-28" }))
            .AssertFieldError("voucherNumber");
        await (await app.Staff.PostJson($"/api/subsidies/batches/{batch.Id()}/payment", new { voucherNumber = "记-1", paidOn = "2026-12-01" }))
            .AssertFieldError("paidOn");
        var xlsx = await app.Staff.GetAsync($"/api/subsidies/batches/{batch.Id()}/export");
        Assert.Equal(ElderCare.Web.Infrastructure.Spreadsheets.SpreadsheetWriter.ContentType, xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_lottery_fund_share_is_computed_against_80_percent()
    {
        var share = await (await app.Staff.PutJson("/api/subsidies/lottery-fund/2025", new { amountFen = 100_000_000, source = "荣财社〔2025〕1号" })).Ok();
        Assert.Equal((0L, false), (share.GetProperty("committedFen").GetInt64(), share.GetProperty("met").GetBoolean()));
        Assert.Contains("未达到", share.GetProperty("explanation").GetString());
    }

    [Fact]
    public async Task The_ledger_page_shows_the_explanations_and_acts_only_when_confirmed()
    {
        var facility = await OperatingFacility();
        await Evaluated(facility, EvaluationGrade.Good);
        var line = Assert.Single(await Claim(facility)).Id();
        await (await (await Town()).PostJson("/api/subsidies/claims/review", new { lineIds = new[] { line } })).Ok();

        var browser = app.Browser();
        var staff = await app.User(Role.DistrictStaff);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostSignIn(staff.UserName!, AppFactory.Password)).StatusCode);
        var html = await browser.GetStringAsync("/subsidies?year=2026&status=town-reviewed");
        Assert.Contains("80,000 × 7/12 个月 × 良好 0.9 = 42,000 元", html, StringComparison.Ordinal);

        var token = await browser.FormToken("/subsidies?year=2026");
        var unconfirmed = await browser.PostAsync("/subsidies?handler=approve", new FormUrlEncodedContent(
            [new("lineIds", line.ToString()), new("__RequestVerificationToken", token)]));
        Assert.Contains("请勾选确认后再操作", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var confirmed = await browser.PostAsync("/subsidies?handler=approve", new FormUrlEncodedContent(
            [new("lineIds", line.ToString()), new("confirm", "true"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var ledger = await (await app.Staff.GetAsync($"/api/subsidies/ledger?facilityId={facility}")).Ok();
        Assert.Equal("approved", Assert.Single(ledger.GetProperty("items").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_placed_特困_elder_is_paid_monthly_at_the_rate_of_the_recorded_care_tier_through_the_town()
    {
        var facility = await OperatingFacility();
        var ordinary = await app.Staff.NewElder(Make.Elder(name: "普通老人"));
        await (await app.Staff.PostJson("/api/subsidies/placements", new { elderId = ordinary, facilityId = facility, from = "2026-09-01" }))
            .AssertFieldError("elderId");

        var elder = await app.Staff.NewElder(Make.Elder(name: "特困老人", categories: ["extreme-poverty"]));
        await (await app.Staff.PostJson($"/api/elders/{elder}/self-care", new { assessedOn = "2026-08-20", assessor = "评估员",
            notAchieved = new[] { "eating", "dressing", "bathing", "toileting" } })).Created();
        var created = await app.Staff.PostJson("/api/subsidies/placements", new { elderId = elder, facilityId = facility, from = "2026-09-01" });
        var placement = await created.Created();
        Assert.Equal($"/api/subsidies/placements/{placement.Id()}", created.Headers.Location?.OriginalString);
        await (await app.Staff.GetAsync(created.Headers.Location!.OriginalString)).Ok();
        await (await app.Staff.PostJson("/api/subsidies/placements", new { elderId = elder, facilityId = facility, from = "2026-10-01" }))
            .AssertProblem(HttpStatusCode.Conflict);

        var fees = (await Claim(facility)).Where(l => l.GetProperty("kind").GetString() == "placement-fee").ToList();
        Assert.Equal([9, 10], fees.Select(f => f.GetProperty("month").GetInt32()).Order());
        Assert.All(fees, f => Assert.Equal((240_000L, Make.Changyuan, "district-budget"), (f.GetProperty("amountFen").GetInt64(),
            f.GetProperty("townCode").GetString(), f.GetProperty("fundingSource").GetString()))); // 900 + 全护理 1,200 + 300
        await (await app.Staff.PostJson($"/api/subsidies/placements/{placement.Id()}/end", new { to = "2026-08-01" })).AssertFieldError("to");
        await (await app.Staff.PostJson($"/api/subsidies/placements/{placement.Id()}/end", new { to = "2026-10-15" })).Ok();
    }

    [Fact]
    public async Task Approvals_batches_and_payments_are_audited_and_the_rules_are_seeded_once()
    {
        var facility = await OperatingFacility();
        await Evaluated(facility, EvaluationGrade.Pass);
        var line = await Approved(facility);
        var batch = await (await app.Staff.PostJson("/api/subsidies/batches", new { fundingSource = "lottery-fund", lineIds = new[] { line } }))
            .Created();
        await (await app.Staff.PostJson($"/api/subsidies/batches/{batch.Id()}/payment", new { voucherNumber = "记-9", paidOn = "2026-11-29" })).Ok();
        await using var scope = app.Scope(out var db);
        var targets = db.AuditEntries.Where(a => a.Target != null && a.Target.StartsWith("POST /api/subsidies/")).Select(a => a.Target).ToList();
        Assert.Contains("POST /api/subsidies/claims/approve", targets);
        Assert.Contains("POST /api/subsidies/batches", targets);
        Assert.Contains($"POST /api/subsidies/batches/{batch.Id()}/payment", targets);

        Assert.Equal(0, await ElderCare.Web.Features.Subsidies.SubsidySeed.RunAsync(db, ElderCare.Web.Data.Seed.RongchangSeed.PolicyDate, default));
        Assert.Equal(16, db.SubsidyRules.Count());
    }
}
