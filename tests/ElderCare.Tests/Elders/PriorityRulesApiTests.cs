using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;

namespace ElderCare.Tests.Elders;

/// <summary>重点人群规则 as data (ADR 0018), on a database of their own.</summary>
public class PriorityRulesApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<string> Elder(string idNumber, string living, string region = Make.Panlong) =>
        (await app.Staff.NewElder(Make.Elder(name: "规则对象", idNumber: idNumber, regionCode: region, living: living))).ToString();

    [Fact]
    public async Task An_86_year_old_living_with_family_is_on_the_priority_list_as_高龄()
    {
        var id = await Elder("500153194001010054", "with-family"); // born 1940: 86
        var list = await (await app.Staff.GetAsync($"/api/elders/priority?regionCode={Make.Panlong}")).ReadJson();
        var row = list.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("elder").GetProperty("id").GetString() == id);
        Assert.Contains(row.GetProperty("groups").EnumerateArray(), g => g.GetProperty("name").GetString() == "高龄");
    }

    [Fact]
    public async Task The_seeded_rules_are_listed_with_their_source()
    {
        var rules = await (await app.Staff.GetAsync("/api/priority-rules")).ReadJson();
        var names = rules.GetProperty("inForce").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Equal(["高龄", "失能", "特困", "留守", "失独", "半失能", "低保/低保边缘", "独居/空巢", "残疾"], names);
        var old = rules.GetProperty("inForce").EnumerateArray().First();
        Assert.Equal(80, old.GetProperty("minAge").GetInt32());
        Assert.Equal(0, old.GetProperty("livingArrangements").GetArrayLength());
        Assert.Contains("荣昌府办发〔2020〕1号", old.GetProperty("source").GetString());
    }

    [Fact]
    public async Task The_district_changes_a_rule_from_a_date_and_the_change_is_audited_others_may_not()
    {
        var officer = await app.ClientAs(Role.TownOfficer, Make.Changyuan);
        var body = new { name = "高龄", effectiveFrom = "2027-01-01", minAge = 85 };
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PutJson("/api/priority-rules/advanced-age-alone", body)).StatusCode);

        var r = await app.Staff.PutJson("/api/priority-rules/advanced-age-alone", body);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var rules = await (await app.Staff.GetAsync("/api/priority-rules")).ReadJson();
        Assert.Equal(80, rules.GetProperty("inForce").EnumerateArray().First().GetProperty("minAge").GetInt32()); // not yet in force
        Assert.Contains(rules.GetProperty("history").EnumerateArray(), h => h.GetProperty("effectiveFrom").GetString() == "2027-01-01"
            && h.GetProperty("minAge").GetInt32() == 85 && h.GetProperty("changedBy").GetString() is { Length: > 0 });

        var audit = await (await (await app.ClientAs(Role.Auditor)).GetAsync("/api/audit?action=data.write")).Content.ReadAsStringAsync();
        Assert.Contains("PUT /api/priority-rules/advanced-age-alone", audit);
    }

    [Fact]
    public async Task A_bad_rule_is_400_naming_the_field_in_Chinese()
    {
        await (await app.Staff.PutJson("/api/priority-rules/advanced-age-alone", new { name = "高龄", effectiveFrom = "2027-01-01", minAge = 30 }))
            .AssertFieldError("minAge");
        await (await app.Staff.PutJson("/api/priority-rules/no-such-group", new { name = "x", effectiveFrom = "2027-01-01", minAge = 80 }))
            .AssertFieldError("group");
        await (await app.Staff.PutJson("/api/priority-rules/disabled", new { name = "残疾", effectiveFrom = "2027-01-01" })).AssertFieldError("minAge");
        await (await app.Staff.PutJson("/api/priority-rules/disabled", new { name = "残疾", minLevel = 1 })).AssertFieldError("effectiveFrom");
    }

    [Fact]
    public async Task The_rules_page_shows_the_rules_in_force()
    {
        var page = await (await app.Staff.GetAsync("/elders/priority-rules")).Content.ReadAsStringAsync();
        Assert.Contains("年满80周岁", page);
        Assert.Contains("能力评估为1级", page);
    }
}
