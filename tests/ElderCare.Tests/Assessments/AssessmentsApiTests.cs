using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Assessments;

namespace ElderCare.Tests.Assessments;

public class AssessmentsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Every item at its maximum (total 90), then lowered item by item until the total is reached.</summary>
    private static Dictionary<string, int> Form(int total)
    {
        var items = CapabilityForm.Items.ToDictionary(i => i.Code, i => i.MaxScore);
        var excess = CapabilityForm.MaxTotal - total;
        foreach (var item in CapabilityForm.Items)
        {
            var cut = Math.Min(excess, item.MaxScore);
            items[item.Code] -= cut;
            excess -= cut;
        }
        return items;
    }

    private async Task<string> NewElder(string idNumber, string region = Make.Changyuan, string living = "with-family") =>
        (await app.Staff.NewElder(Make.Elder(name: "评估对象", idNumber: idNumber, regionCode: region, living: living))).ToString();

    private static object Input(Dictionary<string, int> items, bool dementia = false, int riskEvents = 0, string assessedOn = "2026-11-20",
        string[]? assessors = null) => new
    {
        assessedOn, reason = "first", assessors = assessors ?? ["评估员甲", "评估员乙"], items, coma = false,
        diagnosedMentalDisorder = dementia, riskEvents30d = riskEvents,
    };

    [Fact]
    public async Task A_full_form_is_scored_and_sets_the_elders_current_level()
    {
        var id = await NewElder("500153194202020056");
        var r = await app.Staff.PostJson($"/api/elders/{id}/assessments", Input(Form(70), dementia: true));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var a = await r.ReadJson();
        Assert.Equal(70, a.GetProperty("total").GetInt32());
        Assert.Equal(1, a.GetProperty("initialLevel").GetInt32());
        Assert.Equal(2, a.GetProperty("level").GetInt32()); // 70 + 痴呆 → one level up
        Assert.Equal("能力中度受损（中度失能）", a.GetProperty("levelName").GetString());
        Assert.Contains("提高一个等级", a.GetProperty("levelRule").GetString());
        Assert.Equal(70, a.GetProperty("domains").EnumerateObject().Sum(d => d.Value.GetInt32()));
        Assert.Equal("2027-11-20", a.GetProperty("nextDue").GetString());

        var elder = await (await app.Staff.GetAsync($"/api/elders/{id}")).ReadJson();
        Assert.Equal(2, elder.GetProperty("currentLevel").GetInt32());
        Assert.Equal("2026-11-20", elder.GetProperty("lastAssessedOn").GetString());

        // An older paper form entered later does not override the current level.
        await app.Staff.PostJson($"/api/elders/{id}/assessments", Input(Form(90), assessedOn: "2025-06-01"));
        var history = (await (await app.Staff.GetAsync($"/api/elders/{id}/assessments")).ReadJson()).EnumerateArray().ToList();
        Assert.Equal(2, history.Count);
        Assert.Equal("2026-11-20", history[0].GetProperty("assessedOn").GetString());
        Assert.Equal(2, (await (await app.Staff.GetAsync($"/api/elders/{id}")).ReadJson()).GetProperty("currentLevel").GetInt32());
    }

    [Fact]
    public async Task A_missing_item_an_out_of_range_score_or_one_assessor_is_400_naming_the_field()
    {
        var id = await NewElder("500153193603030066");
        var missing = Form(90);
        missing.Remove("B.2.4");
        await (await app.Staff.PostJson($"/api/elders/{id}/assessments", Input(missing))).AssertFieldError("items.B.2.4");
        var tooHigh = Form(90);
        tooHigh["B.2.4"] = 4; // 上下楼梯 scores 0–3
        await (await app.Staff.PostJson($"/api/elders/{id}/assessments", Input(tooHigh))).AssertFieldError("items.B.2.4");
        await (await app.Staff.PostJson($"/api/elders/{id}/assessments", Input(Form(90), assessors: ["只有一人"]))).AssertFieldError("assessors");
        await (await app.Staff.PostJson($"/api/elders/{id}/assessments", Input(Form(90), assessedOn: "2099-01-01"))).AssertFieldError("assessedOn");
        await (await app.Staff.PostJson($"/api/elders/{Guid.NewGuid()}/assessments", Input(Form(90)))).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_priority_list_shows_80_plus_living_alone_and_incapacitated_elders_with_their_rules()
    {
        var alone = await NewElder("500153194001010038", Make.Fenggao, "alone");      // 86, living alone → 高龄独居
        var disabled = await NewElder("500153195610010310", Make.Fenggao);              // 70, with family
        var neither = await NewElder("500153195001010024", Make.Fenggao);               // 76, with family
        await app.Staff.PostJson($"/api/elders/{disabled}/assessments", Input(Form(40))); // level 3 → 失能

        var list = await (await app.Staff.GetAsync($"/api/elders/priority?regionCode={Make.Fenggao}")).ReadJson();
        var rows = list.GetProperty("items").EnumerateArray().ToList();
        var ids = rows.Select(r => r.GetProperty("elder").GetProperty("id").GetString()).ToList();
        Assert.Contains(alone, ids);
        Assert.Contains(disabled, ids);
        Assert.DoesNotContain(neither, ids);
        var groups = rows.Single(r => r.GetProperty("elder").GetProperty("id").GetString() == disabled).GetProperty("groups");
        Assert.Equal("incapacitated", Assert.Single(groups.EnumerateArray()).GetProperty("group").GetString());
        var onlyAlone = await (await app.Staff.GetAsync($"/api/elders/priority?regionCode={Make.Fenggao}&group=advanced-age-alone")).ReadJson();
        Assert.Equal(alone, Assert.Single(onlyAlone.GetProperty("items").EnumerateArray()).GetProperty("elder").GetProperty("id").GetString());
        await (await app.Staff.GetAsync("/api/elders/priority?group=rich")).AssertFieldError("group");
    }

    [Fact]
    public async Task A_condition_change_makes_the_elder_overdue_until_reassessed()
    {
        var id = await NewElder("500153194109090041", Make.Panlong);
        await app.Staff.PostJson($"/api/elders/{id}/assessments", Input(Form(90), assessedOn: "2026-11-01"));
        bool Overdue(System.Text.Json.JsonElement list) => list.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetString() == id);
        Assert.False(Overdue(await (await app.Staff.GetAsync($"/api/elders?regionCode={Make.Panlong}&assessmentOverdue=true")).ReadJson()));

        var changed = await (await app.Staff.PostJson($"/api/elders/{id}/condition-change", new { on = "2026-11-15" })).ReadJson();
        Assert.Equal("2026-11-15", changed.GetProperty("nextAssessmentDue").GetString());
        Assert.True(Overdue(await (await app.Staff.GetAsync($"/api/elders?regionCode={Make.Panlong}&assessmentOverdue=true")).ReadJson()));

        await app.Staff.PostJson($"/api/elders/{id}/assessments", Input(Form(60), assessedOn: "2026-11-20"));
        Assert.False(Overdue(await (await app.Staff.GetAsync($"/api/elders?regionCode={Make.Panlong}&assessmentOverdue=true")).ReadJson()));
        await (await app.Staff.PostJson($"/api/elders/{id}/condition-change", new { on = "2099-01-01" })).AssertFieldError("on");
    }

    [Fact]
    public async Task Only_assessing_roles_record_and_an_officer_of_another_unit_sees_nothing()
    {
        var id = await NewElder("500153196001010045");
        var operatorClient = await app.ClientAs(Role.Operator, facilities: [Guid.NewGuid()]);
        await (await operatorClient.PostJson($"/api/elders/{id}/assessments", Input(Form(90)))).AssertProblem(HttpStatusCode.Forbidden);
        var evaluator = await app.ClientAs(Role.Evaluator);
        Assert.Equal(HttpStatusCode.Created, (await evaluator.PostJson($"/api/elders/{id}/assessments", Input(Form(90)))).StatusCode);
        var otherUnit = await app.ClientAs(Role.TownOfficer, region: Make.Panlong);
        await (await otherUnit.GetAsync($"/api/elders/{id}/assessments")).AssertProblem(HttpStatusCode.NotFound);
        await (await otherUnit.PostJson($"/api/elders/{id}/assessments", Input(Form(90)))).AssertProblem(HttpStatusCode.NotFound);
    }
}
