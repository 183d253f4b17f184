using System.Net;
using System.Text.RegularExpressions;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using Samples = ElderCare.Tests.Evidence.EvidenceSamples;

namespace ElderCare.Tests.Evaluations;

/// <summary>The evaluation pages (三(二)(三)): the evaluator scores on one card per indicator with a photo upload, the
/// facility sees the objection form once the sheet is submitted, the district the approval button.</summary>
[Collection(nameof(SharedApp))]
public partial class EvaluationPagesTests(AppFactory app)
{
    [Fact]
    public async Task The_evaluator_scores_a_card_with_a_photo_and_the_facility_and_district_see_their_actions()
    {
        var facility = await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan, "页面评估中心"));
        var round = await app.Staff.Create("/api/evaluations/rounds", new { year = 2026, kind = "annual", name = $"页面评估{Make.Serial()}" });
        var evaluator = await app.User(Role.Evaluator, name: $"page.evaluator{Make.Serial()}");
        var sheet = Assert.Single((await (await app.Staff.PostJson($"/api/evaluations/rounds/{round}/assignments", new
        {
            facilityIds = new[] { facility }, evaluatorOrganisation = "页面测试评估机构", evaluatorUserIds = new[] { evaluator.Id },
        })).Created()).EnumerateArray());
        var id = sheet.Id();
        var indicators = sheet.GetProperty("indicators").EnumerateArray().ToList();

        var browser = await app.BrowserOf(evaluator);
        var html = await browser.GetStringAsync($"/evaluations/{id}");
        Assert.Equal(indicators.Count, Regex.Matches(html, "class=\"card section score-card\"").Count); // one indicator per card
        Assert.Contains("type=\"file\"", html, StringComparison.Ordinal);

        var key = indicators[0].GetProperty("key").GetString()!;
        var form = new MultipartFormDataContent
        {
            { new StringContent(await browser.FormToken($"/evaluations/{id}")), "__RequestVerificationToken" },
            { new StringContent(key), "Scores[0].IndicatorKey" },
            { new StringContent("12.5"), "Scores[0].Points" },
            { new StringContent("花名册齐全"), "Scores[0].Note" },
            { new ByteArrayContent(Samples.Padded(Samples.Png, 300)), "Scores[0].Files", "现场.png" },
        };
        var posted = await browser.PostAsync($"/evaluations/{id}?handler=Scores", form);
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var evaluatorApi = await app.ClientOf(evaluator.UserName!);
        var score = (await (await evaluatorApi.GetAsync($"/api/evaluations/{id}")).Ok()).GetProperty("scores")[0];
        Assert.Equal((key, 12.5m, 1), (score.GetProperty("indicatorKey").GetString(), score.GetProperty("points").GetDecimal(),
            score.GetProperty("evidenceIds").GetArrayLength()));

        // Score the rest through the API with the photo, submit; the operator sees the objection form, the district the approval.
        var photo = score.GetProperty("evidenceIds")[0].GetGuid();
        await (await evaluatorApi.PutJson($"/api/evaluations/{id}/scores", new
        {
            scores = indicators.Select(i => new { indicatorKey = i.GetProperty("key").GetString(), points = 5, evidenceIds = new[] { photo } }),
        })).Ok();
        await (await evaluatorApi.PostAsync($"/api/evaluations/{id}/submit", null)).Ok();
        var operatorPage = await (await app.BrowserOf(await app.User(Role.Operator, facilities: [facility]))).GetStringAsync($"/evaluations/{id}");
        Assert.Contains("提出异议", operatorPage, StringComparison.Ordinal);
        Assert.DoesNotContain("审定并锁定", operatorPage, StringComparison.Ordinal);
        var districtPage = await (await app.BrowserOf(await app.User(Role.DistrictStaff, name: $"page.staff{Make.Serial()}")))
            .GetStringAsync($"/evaluations/{id}");
        Assert.Contains("审定并锁定", districtPage, StringComparison.Ordinal);
        Assert.Contains("待确认", districtPage, StringComparison.Ordinal); // the seeded template is a placeholder

        // An evaluator not assigned gets the not-found page.
        var stranger = await app.BrowserOf(await app.User(Role.Evaluator, name: $"page.stranger{Make.Serial()}"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/evaluations/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_district_pages_list_rounds_and_templates()
    {
        var browser = await app.BrowserOf(await app.User(Role.DistrictStaff, name: $"page.rounds{Make.Serial()}"));
        var html = await browser.GetStringAsync("/evaluations/rounds");
        Assert.Contains("养老服务设施建设验收（默认）", html, StringComparison.Ordinal);
        Assert.Contains("分配评估任务", html, StringComparison.Ordinal);
        Assert.Contains("绩效评估", await browser.GetStringAsync("/evaluations"), StringComparison.Ordinal);
    }
}
