using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;

namespace ElderCare.Tests.Assessments;

/// <summary>Barthel (STANDARDS.md §3) and the 特困 six-indicator rule (§8) recorded through the API.</summary>
[Collection(nameof(SharedApp))]
public class SecondaryAssessmentsApiTests(AppFactory app)
{
    private static readonly Dictionary<string, int> Independent = new()
    {
        ["feeding"] = 10, ["bathing"] = 5, ["grooming"] = 5, ["dressing"] = 10, ["bowels"] = 10,
        ["bladder"] = 10, ["toilet"] = 10, ["transfer"] = 15, ["mobility"] = 15, ["stairs"] = 10,
    };

    private async Task<string> NewElder(string idNumber, string region = Make.Changyuan, string[]? categories = null) =>
        (await app.Staff.NewElder(Make.Elder(name: "辅助评定对象", idNumber: idNumber, regionCode: region, categories: categories))).ToString();

    [Fact]
    public async Task Barthel_total_of_60_is_graded_moderate_dependency_and_leaves_the_capability_level_alone()
    {
        var id = await NewElder("500153194202020072");
        var items = new Dictionary<string, int>(Independent) { ["transfer"] = 5, ["mobility"] = 5, ["stairs"] = 0, ["bathing"] = 0,
            ["dressing"] = 5 };
        var r = await app.Staff.PostJson($"/api/elders/{id}/barthel", new { assessedOn = "2026-11-20", assessor = "护士甲", items });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var a = await r.ReadJson();
        Assert.Equal(60, a.GetProperty("score").GetInt32());
        Assert.Equal("moderate", a.GetProperty("grade").GetString());
        Assert.Equal("中度依赖", a.GetProperty("gradeName").GetString());

        var elder = await (await app.Staff.GetAsync($"/api/elders/{id}")).ReadJson();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, elder.GetProperty("currentLevel").ValueKind);

        var history = await (await app.Staff.GetAsync($"/api/elders/{id}/secondary-assessments")).ReadJson();
        Assert.Equal("barthel", Assert.Single(history.EnumerateArray()).GetProperty("instrument").GetString());
    }

    [Fact]
    public async Task A_Barthel_score_that_is_not_an_option_and_a_missing_item_are_named()
    {
        var id = await NewElder("500153194202020099");
        var items = new Dictionary<string, int>(Independent) { ["transfer"] = 12 };
        items.Remove("stairs");
        var r = await app.Staff.PostJson($"/api/elders/{id}/barthel", new { assessedOn = "2026-11-20", assessor = "", items });
        Assert.Contains("床椅转移的分值应为 0、5、10 或 15", await r.AssertFieldError("items.transfer"));
        Assert.Contains("缺少该项评分", await r.AssertFieldError("items.stairs"));
        Assert.Contains("请填写评估人员", await r.AssertFieldError("assessor"));
    }

    [Fact]
    public async Task Four_indicators_not_achieved_make_a_te_kun_elder_fully_lost_self_care_and_full_care()
    {
        var id = await NewElder("50015319420202011X", categories: ["extreme-poverty"]);
        var r = await app.Staff.PostJson($"/api/elders/{id}/self-care", new
        {
            assessedOn = "2026-11-21", assessor = "民政专干",
            notAchieved = new[] { "eating", "dressing", "getting-in-and-out-of-bed", "bathing" },
        });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var a = await r.ReadJson();
        Assert.Equal(4, a.GetProperty("score").GetInt32());
        Assert.Equal("完全丧失生活自理能力", a.GetProperty("gradeName").GetString());
        Assert.Equal("全护理", a.GetProperty("careTier").GetString());
    }

    [Fact]
    public async Task The_six_indicator_determination_is_refused_for_an_elder_not_registered_as_te_kun()
    {
        var id = await NewElder("500153194202020136");
        var r = await app.Staff.PostJson($"/api/elders/{id}/self-care",
            new { assessedOn = "2026-11-21", assessor = "民政专干", notAchieved = Array.Empty<string>() });
        var problem = await r.AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("仅适用于特困人员", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_indicator_is_a_field_error()
    {
        var id = await NewElder("500153194202020152", categories: ["extreme-poverty"]);
        var r = await app.Staff.PostJson($"/api/elders/{id}/self-care",
            new { assessedOn = "2026-11-21", assessor = "甲", notAchieved = new[] { "flying" } });
        await r.AssertFieldError("notAchieved");
    }

    [Fact]
    public async Task A_town_officer_cannot_record_for_an_elder_of_another_town()
    {
        var id = await NewElder("500153194202020179", region: Make.Panlong);
        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        var r = await officer.PostJson($"/api/elders/{id}/barthel", new { assessedOn = "2026-11-20", assessor = "甲", items = Independent });
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
    }
}
