using System.Net;
using System.Text.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;

namespace ElderCare.Tests.Elders;

/// <summary>
/// The priority rules in force (ADR 0018) decide the elder page's groups and the service quote's group-based allowance
/// from their effective date (ADR 0023). On a database and clock of their own: the test moves the clock.
/// </summary>
public class RulesInForceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(AppFactory.Start.UtcDateTime);

    private async Task<JsonElement> Quote(string elderId, string itemId, DateOnly day)
    {
        var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
        var r = await app.Staff.PostJson("/api/orders/quote", new { elderId, serviceItemId = itemId, windowStart = start,
            windowEnd = start.AddHours(1) });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return await r.ReadJson();
    }

    [Fact]
    public async Task A_district_edit_of_the_高龄_age_threshold_changes_the_quote_and_the_elder_page_from_its_date()
    {
        // 80 on 2026-01-01, living with family, no category, never assessed: 高龄 only, by the seeded rule (≥ 80).
        var elder = (await app.Staff.NewElder(Make.Elder(name: "规则老人", idNumber: Make.WithCheckDigit("50015319460101005"),
            regionCode: Make.Panlong, living: "with-family"))).ToString();
        var bathing = (await app.Staff.ServiceItem("bathing")).ToString(); // bought for 高龄

        var from = Today.AddDays(3);
        var edit = await app.Staff.PutJson("/api/priority-rules/advanced-age-alone", new { name = "高龄", effectiveFrom = from, minAge = 85 });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);

        var before = await Quote(elder, bathing, from.AddDays(-1));
        Assert.True(before.GetProperty("eligible").GetBoolean());
        Assert.Equal(6000, before.GetProperty("subsidyFen").GetInt64());
        var after = await Quote(elder, bathing, from);
        Assert.False(after.GetProperty("eligible").GetBoolean());
        Assert.Equal((0L, 6000L), (after.GetProperty("subsidyFen").GetInt64(), after.GetProperty("ownShareFen").GetInt64()));

        var page = await (await app.Staff.GetAsync($"/elders/{elder}")).Content.ReadAsStringAsync();
        Assert.Contains("badge--red\">高龄", page);
        Assert.Contains("年满80周岁", page);

        app.Clock.Advance(TimeSpan.FromDays(3));
        var staff = await app.ClientAs(Role.DistrictStaff); // a fresh session on the new day
        page = await (await staff.GetAsync($"/elders/{elder}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("badge--red\">高龄", page);
        Assert.Contains("不属于任何重点人群", page);
    }
}
