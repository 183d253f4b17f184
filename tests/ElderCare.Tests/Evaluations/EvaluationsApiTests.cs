using System.Net;
using System.Text.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Tests.Evaluations;

/// <summary>
/// The evaluation cycle of 三(二)(三) over HTTP: the district opens a round and assigns a facility to evaluators, they score
/// and submit, the facility objects once, the evaluators resubmit, the district approves and locks (EvaluationResult).
/// Every test uses a facility, a round and evaluators of its own.
/// </summary>
[Collection(nameof(SharedApp))]
public class EvaluationsApiTests(AppFactory app)
{
    private const string Locked = "已审定锁定，不能修改。";

    private sealed record Sheet(Guid Id, Guid Facility, Guid Round, HttpClient Evaluator, JsonElement Body)
    {
        /// <summary>A photo of the facility the evaluator uploaded (Features/Evidence).</summary>
        public Guid Photo { get; init; }
    }

    /// <summary>Uploads a small PNG of its own as evidence of the facility and returns its id.</summary>
    private static async Task<Guid> Photo(HttpClient client, Guid facility)
    {
        var form = new MultipartFormDataContent { { new StringContent(facility.ToString()), "facilityId" } };
        form.Add(new ByteArrayContent(ElderCare.Tests.Evidence.EvidenceSamples.Padded(ElderCare.Tests.Evidence.EvidenceSamples.Png, 256)),
            "file", "现场照片.png");
        return (await (await client.PostAsync("/api/evidence", form)).Created()).Id();
    }

    private async Task<(Guid Id, HttpClient Client)> Evaluator()
    {
        var user = await app.User(Role.Evaluator, name: $"evaluator{Make.Serial()}");
        return (user.Id, await app.ClientOf(user.UserName!));
    }

    /// <summary>A new street centre of 昌元街道, a round of 2026 and a sheet assigned to a new evaluator.</summary>
    private async Task<Sheet> Assigned(string kind = "annual")
    {
        var facility = await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan, "评估中心"));
        var round = await app.Staff.PostJson("/api/evaluations/rounds", new { year = 2026, kind, name = $"2026年度评估{Make.Serial()}" });
        Assert.Equal(HttpStatusCode.Created, round.StatusCode);
        var roundId = (await round.ReadJson()).Id();
        Assert.Equal($"/api/evaluations/rounds/{roundId}", round.Headers.Location?.OriginalString);
        var (evaluatorId, evaluator) = await Evaluator();
        var assigned = await app.Staff.PostJson($"/api/evaluations/rounds/{roundId}/assignments",
            new { facilityIds = new[] { facility }, evaluatorOrganisation = "重庆某评估咨询有限公司", evaluatorUserIds = new[] { evaluatorId } });
        var body = Assert.Single((await assigned.Created()).EnumerateArray());
        Assert.Equal($"/api/evaluations?roundId={roundId}", assigned.Headers.Location?.OriginalString);
        return new Sheet(body.Id(), facility, roundId, evaluator, body) { Photo = await Photo(evaluator, facility) };
    }

    /// <summary>Scores every indicator at its maximum less <paramref name="less"/> points off the first, with evidence.</summary>
    private static object AllScores(Sheet sheet, decimal less = 0) => new
    {
        scores = sheet.Body.GetProperty("indicators").EnumerateArray().Select((i, n) => new
        {
            indicatorKey = i.GetProperty("key").GetString(),
            points = i.GetProperty("maxPoints").GetDecimal() - (n == 0 ? less : 0),
            note = "现场核查",
            evidenceIds = new[] { sheet.Photo },
        }).ToArray(),
    };

    private async Task<Sheet> Submitted(decimal less = 0)
    {
        var s = await Assigned();
        await (await s.Evaluator.PutJson($"/api/evaluations/{s.Id}/scores", AllScores(s, less))).Ok();
        await (await s.Evaluator.PostAsync($"/api/evaluations/{s.Id}/submit", null)).Ok();
        return s;
    }

    [Fact]
    public async Task The_whole_cycle_ends_in_a_locked_sheet_and_an_EvaluationResult_with_the_banded_grade()
    {
        var s = await Assigned();
        Assert.Equal("draft", s.Body.GetProperty("status").GetString());
        Assert.False(s.Body.GetProperty("templateConfirmed").GetBoolean()); // the seeded template is 待确认
        var scored = await (await s.Evaluator.PutJson($"/api/evaluations/{s.Id}/scores", AllScores(s, less: 12))).Ok();
        Assert.Equal(88m, scored.GetProperty("total").GetDecimal());
        await (await s.Evaluator.PostAsync($"/api/evaluations/{s.Id}/submit", null)).Ok();

        // The facility sees its sheet and objects once, with a reason.
        var op = await app.ClientAs(Role.Operator, facilities: [s.Facility]);
        var own = await (await op.GetAsync($"/api/evaluations?roundId={s.Round}")).Ok();
        Assert.Equal(s.Id, Assert.Single(own.GetProperty("items").EnumerateArray()).Id());
        var objected = await (await op.PostJson($"/api/evaluations/{s.Id}/objection", new { reason = "服务人次统计漏计了上门服务" })).Ok();
        Assert.Equal("objected", objected.GetProperty("status").GetString());
        Assert.Equal("服务人次统计漏计了上门服务", objected.GetProperty("objection").GetProperty("reason").GetString());
        // The district cannot approve an objected sheet before the evaluator reviews and resubmits it.
        await (await app.Staff.PostAsync($"/api/evaluations/{s.Id}/approval", null)).AssertProblem(HttpStatusCode.Conflict);

        // The evaluator reviews (85 points: 良好) and resubmits; a second objection is refused.
        await (await s.Evaluator.PutJson($"/api/evaluations/{s.Id}/scores", AllScores(s, less: 15))).Ok();
        await (await s.Evaluator.PostAsync($"/api/evaluations/{s.Id}/submit", null)).Ok();
        var again = await (await op.PostJson($"/api/evaluations/{s.Id}/objection", new { reason = "再次异议" }))
            .AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("只能提出一次", again.GetProperty("detail").GetString());

        var approved = await (await app.Staff.PostAsync($"/api/evaluations/{s.Id}/approval", null)).Ok();
        Assert.Equal(("approved", 85m, "good"), (approved.GetProperty("status").GetString(), approved.GetProperty("total").GetDecimal(),
            approved.GetProperty("grade").GetString()));
        var listed = await (await app.Staff.GetAsync($"/api/evaluations?year=2026&status=approved&roundId={s.Round}&unitCode={Make.Changyuan}"))
            .Ok();
        Assert.Equal(s.Id, Assert.Single(listed.GetProperty("items").EnumerateArray()).Id());
        Assert.Equal(0, (await (await app.Staff.GetAsync($"/api/evaluations?year=2025&roundId={s.Round}")).Ok()).GetProperty("total").GetInt32());
        await (await app.Staff.GetAsync("/api/evaluations?status=finished")).AssertFieldError("status");
        await using (app.Scope(out var db))
        {
            var result = await db.EvaluationResults.SingleAsync(r => r.EvaluationId == s.Id);
            Assert.Equal((s.Facility, 2026, EvaluationKind.Annual, s.Round, 85.0m, EvaluationGrade.Good),
                (result.FacilityId, result.Year, result.Kind, result.RoundId, result.Score, result.Grade));
            Assert.True(result.Passed);
        }
    }

    [Fact]
    public async Task After_approval_every_change_by_every_role_answers_409_locked()
    {
        var s = await Submitted();
        await (await app.Staff.PostAsync($"/api/evaluations/{s.Id}/approval", null)).Ok();
        var op = await app.ClientAs(Role.Operator, facilities: [s.Facility]);
        var town = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        var admin = await app.ClientAs(Role.DistrictAdmin);
        var attempts = new (string Who, Task<HttpResponseMessage> Request)[]
        {
            ("evaluator scores", s.Evaluator.PutJson($"/api/evaluations/{s.Id}/scores", AllScores(s))),
            ("evaluator submit", s.Evaluator.PostAsync($"/api/evaluations/{s.Id}/submit", null)),
            ("operator objection", op.PostJson($"/api/evaluations/{s.Id}/objection", new { reason = "不服" })),
            ("town objection", town.PostJson($"/api/evaluations/{s.Id}/objection", new { reason = "不服" })),
            ("staff approval", app.Staff.PostAsync($"/api/evaluations/{s.Id}/approval", null)),
            ("admin approval", admin.PostAsync($"/api/evaluations/{s.Id}/approval", null)),
            ("admin reassignment", admin.PostJson($"/api/evaluations/rounds/{s.Round}/assignments", new
            {
                facilityIds = new[] { s.Facility }, evaluatorOrganisation = "另一家评估机构",
                evaluatorUserIds = s.Body.GetProperty("evaluatorUserIds").EnumerateArray().Select(e => e.GetGuid()).ToArray(),
            })),
        };
        foreach (var (who, request) in attempts)
        {
            var problem = await (await request).AssertProblem(HttpStatusCode.Conflict);
            Assert.True(problem.GetProperty("detail").GetString() == Locked, $"{who}: {problem}");
        }
    }

    [Fact]
    public async Task An_evaluator_not_assigned_to_the_sheet_gets_404_and_does_not_list_it()
    {
        var s = await Assigned();
        var (_, other) = await Evaluator();
        await (await other.GetAsync($"/api/evaluations/{s.Id}")).AssertProblem(HttpStatusCode.NotFound);
        await (await other.PutJson($"/api/evaluations/{s.Id}/scores", AllScores(s))).AssertProblem(HttpStatusCode.NotFound);
        await (await other.PostAsync($"/api/evaluations/{s.Id}/submit", null)).AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await other.GetAsync($"/api/evaluations?roundId={s.Round}")).Ok()).GetProperty("total").GetInt32());
        Assert.Equal(1, (await (await s.Evaluator.GetAsync($"/api/evaluations?roundId={s.Round}")).Ok()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_operator_of_another_facility_and_a_town_officer_of_another_unit_get_404()
    {
        var s = await Submitted();
        var otherOperator = await app.ClientAs(Role.Operator, facilities: [await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan))]);
        var otherTown = await app.ClientAs(Role.TownOfficer, region: Make.Panlong);
        foreach (var c in new[] { otherOperator, otherTown })
        {
            await (await c.GetAsync($"/api/evaluations/{s.Id}")).AssertProblem(HttpStatusCode.NotFound);
            await (await c.PostJson($"/api/evaluations/{s.Id}/objection", new { reason = "越权异议" })).AssertProblem(HttpStatusCode.NotFound);
        }
        // The town of the facility's unit may object for it.
        var town = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        await (await town.PostJson($"/api/evaluations/{s.Id}/objection", new { reason = "镇街代为提出异议" })).Ok();
    }

    [Fact]
    public async Task Points_above_MaxPoints_are_refused_naming_the_field()
    {
        var s = await Assigned();
        var first = s.Body.GetProperty("indicators")[0];
        var message = await (await s.Evaluator.PutJson($"/api/evaluations/{s.Id}/scores", new
        {
            scores = new[] { new { indicatorKey = first.GetProperty("key").GetString(), points = first.GetProperty("maxPoints").GetInt32() + 1 } },
        })).AssertFieldError("scores[0].points");
        Assert.Contains($"0 至 {first.GetProperty("maxPoints").GetInt32()} 分", message);
        await (await s.Evaluator.PutJson($"/api/evaluations/{s.Id}/scores", new { scores = new[] { new { indicatorKey = "nope", points = 1 } } }))
            .AssertFieldError("scores[0].indicatorKey");
    }

    [Fact]
    public async Task An_evidence_id_of_another_facility_is_refused_like_a_nonexistent_one()
    {
        var s = await Assigned();
        var key = s.Body.GetProperty("indicators")[0].GetProperty("key").GetString();
        var elsewhere = await Photo(app.Staff, await app.Staff.NewFacility(Make.CentreIn(Make.Panlong)));
        object Body(Guid evidence) => new { scores = new[] { new { indicatorKey = key, points = 1, evidenceIds = new[] { s.Photo, evidence } } } };
        var foreign = await (await s.Evaluator.PutJson($"/api/evaluations/{s.Id}/scores", Body(elsewhere)))
            .AssertFieldError("scores[0].evidenceIds[1]");
        var missing = await (await s.Evaluator.PutJson($"/api/evaluations/{s.Id}/scores", Body(Guid.CreateVersion7())))
            .AssertFieldError("scores[0].evidenceIds[1]");
        Assert.Equal(missing, foreign);
        var saved = await (await s.Evaluator.PutJson($"/api/evaluations/{s.Id}/scores", Body(s.Photo))).Ok();
        Assert.Equal(s.Photo, Assert.Single(saved.GetProperty("scores")[0].GetProperty("evidenceIds").EnumerateArray()).GetGuid());
    }

    [Fact]
    public async Task Submission_needs_every_indicator_and_evidence_where_required()
    {
        var s = await Assigned();
        var required = s.Body.GetProperty("indicators").EnumerateArray().First(i => i.GetProperty("evidenceRequired").GetBoolean());
        var key = required.GetProperty("key").GetString();
        await (await s.Evaluator.PostAsync($"/api/evaluations/{s.Id}/submit", null)).AssertFieldError($"scores[{key}]");
        await (await s.Evaluator.PutJson($"/api/evaluations/{s.Id}/scores", AllScores(s))).Ok();
        await (await s.Evaluator.PutJson($"/api/evaluations/{s.Id}/scores", new
        {
            scores = new[] { new { indicatorKey = key, points = 1, evidenceIds = Array.Empty<Guid>() } },
        })).Ok();
        await (await s.Evaluator.PostAsync($"/api/evaluations/{s.Id}/submit", null)).AssertFieldError($"scores[{key}].evidenceIds");
    }

    [Fact]
    public async Task An_objection_needs_a_submitted_sheet_and_a_reason()
    {
        var s = await Assigned();
        var op = await app.ClientAs(Role.Operator, facilities: [s.Facility]);
        await (await op.PostJson($"/api/evaluations/{s.Id}/objection", new { reason = "太早" })).AssertProblem(HttpStatusCode.Conflict);
        await (await s.Evaluator.PutJson($"/api/evaluations/{s.Id}/scores", AllScores(s))).Ok();
        await (await s.Evaluator.PostAsync($"/api/evaluations/{s.Id}/submit", null)).Ok();
        await (await op.PostJson($"/api/evaluations/{s.Id}/objection", new { reason = " " })).AssertFieldError("reason");
        // A submitted sheet takes no more scores until an objection sends it back.
        await (await s.Evaluator.PutJson($"/api/evaluations/{s.Id}/scores", AllScores(s))).AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_round_and_an_assignment_are_refused_by_field()
    {
        var bad = await app.Staff.PostJson("/api/evaluations/rounds", new { year = 1999, name = "" });
        var problem = await bad.AssertProblem(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "year", "kind", "name" }) Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
        var round = await app.Staff.Create("/api/evaluations/rounds", new { year = 2026, kind = "acceptance", name = "2026年建设验收" });
        var notEvaluator = await app.User(Role.Operator, name: $"operator{Make.Serial()}");
        await (await app.Staff.PostJson($"/api/evaluations/rounds/{round}/assignments", new
        {
            facilityIds = new[] { await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan)) }, evaluatorOrganisation = "某机构",
            evaluatorUserIds = new[] { notEvaluator.Id },
        })).AssertFieldError("evaluatorUserIds[0]");
        await (await app.Staff.PostJson($"/api/evaluations/rounds/{round}/assignments", new
        {
            facilityIds = new[] { Guid.NewGuid() }, evaluatorOrganisation = "某机构", evaluatorUserIds = new[] { (await Evaluator()).Id },
        })).AssertFieldError("facilityIds[0]");
    }

    [Fact]
    public async Task An_acceptance_round_uses_the_acceptance_template()
    {
        var s = await Assigned("acceptance");
        Assert.Equal(("acceptance", "养老服务设施建设验收（默认）"), (s.Body.GetProperty("kind").GetString(),
            s.Body.GetProperty("templateName").GetString()));
    }

    [Fact]
    public async Task The_seeded_templates_are_listed_as_unconfirmed_and_the_district_confirms_one_with_a_source()
    {
        var templates = (await (await app.Staff.GetAsync("/api/evaluations/templates?kind=annual")).Ok()).EnumerateArray().ToList();
        Assert.Equal(4, templates.Count(t => t.GetProperty("year").GetInt32() == EvaluationDefaults.Year));
        Assert.All(templates, t => Assert.Equal(100, t.GetProperty("indicators").EnumerateArray().Sum(i => i.GetProperty("maxPoints").GetInt32())));
        await (await app.Staff.GetAsync("/api/evaluations/templates?kind=weekly")).AssertFieldError("kind");
        var village = templates.Single(t => t.GetProperty("facilityType").GetString() == "village-point").Id();
        await (await app.Staff.PostJson($"/api/evaluations/templates/{village}/confirm", new { source = "" })).AssertFieldError("source");
        var confirmed = await (await app.Staff.PostJson($"/api/evaluations/templates/{village}/confirm", new { source = "荣民政发〔2026〕1号" })).Ok();
        Assert.True(confirmed.GetProperty("confirmed").GetBoolean());
        await (await app.Staff.PostJson($"/api/evaluations/templates/{village}/confirm", new { source = "再次" }))
            .AssertProblem(HttpStatusCode.Conflict);
        var op = await app.ClientAs(Role.Operator, facilities: [Guid.NewGuid()]);
        await (await op.PostJson($"/api/evaluations/templates/{village}/confirm", new { source = "x" })).AssertProblem(HttpStatusCode.Forbidden);
    }
}
