using System.Net;
using System.Text.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;

namespace ElderCare.Tests.Lists;

/// <summary>The global search (Features/Search): scope as the lists (ADR 19), ID numbers exact through the blind index, masked.</summary>
[Collection(nameof(SharedApp))]
public class SearchTests(AppFactory app)
{
    private static List<JsonElement> Hits(JsonElement result, string kind) =>
        result.GetProperty("groups").EnumerateArray().Where(g => g.GetProperty("kind").GetString() == kind)
            .SelectMany(g => g.GetProperty("hits").EnumerateArray()).ToList();

    [Fact]
    public async Task A_town_officer_finds_the_elders_of_their_own_town_only()
    {
        var name = $"搜寻{Make.Serial()}";
        var here = await app.Staff.NewElder(Make.Elder($"{name}甲", regionCode: Make.Changyuan));
        var there = await app.Staff.NewElder(Make.Elder($"{name}乙", regionCode: Make.Panlong));
        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);

        var result = await (await officer.GetAsync($"/api/search?q={Uri.EscapeDataString(name)}")).Ok();
        var ids = Hits(result, "elders").Select(h => h.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([here], ids);
        Assert.DoesNotContain(there, ids);

        var district = await (await app.Staff.GetAsync($"/api/search?q={Uri.EscapeDataString(name)}")).Ok();
        Assert.Equal(2, Hits(district, "elders").Count);
    }

    [Fact]
    public async Task An_id_number_matches_exactly_and_the_hit_shows_it_masked()
    {
        var idNumber = Make.IdNumber("19410203");
        var elder = await app.Staff.NewElder(Make.Elder($"证号{Make.Serial()}", idNumber: idNumber));

        // Posted: an ID number never stands in a URL (GET refuses it, Search/PhoneSearchTests).
        var body = await (await app.Staff.PostJson("/api/search", new { q = idNumber })).Content.ReadAsStringAsync();
        var hit = Assert.Single(Hits(JsonDocument.Parse(body).RootElement, "elders"));
        Assert.Equal(elder, hit.GetProperty("id").GetGuid());
        Assert.Equal($"/elders/{elder}", hit.GetProperty("url").GetString());
        Assert.Contains($"{idNumber[..6]}********{idNumber[^4..]}", hit.GetProperty("detail").GetString());
        Assert.DoesNotContain(idNumber, body);

        // Part of a number is not a match (no LIKE over personal data), and another town's officer does not find it.
        var part = await (await app.Staff.GetAsync($"/api/search?q={idNumber[..14]}")).Ok();
        Assert.Empty(Hits(part, "elders"));
        var panlong = await app.ClientAs(Role.TownOfficer, region: Make.Panlong);
        Assert.Empty(Hits(await (await panlong.PostJson("/api/search", new { q = idNumber })).Ok(), "elders"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("张")]
    [InlineData("%20%20")]
    public async Task An_empty_or_one_character_query_is_400_in_Chinese_and_searches_nothing(string q)
    {
        var message = await (await app.Staff.GetAsync($"/api/search?q={q}")).AssertFieldError("q");
        Assert.Matches("请", message);
    }

    [Fact]
    public async Task The_page_says_why_for_a_short_query_and_shows_names_as_text()
    {
        var browser = await app.ClientAs(Role.DistrictStaff);
        var shortPage = await browser.GetStringAsync("/search?q=张");
        Assert.Contains("请至少输入 2 个字再搜索。", shortPage);

        var name = $"<b>标{Make.Serial()}</b>";
        await app.Staff.NewElder(Make.Elder(name));
        var page = await browser.GetStringAsync($"/search?q={Uri.EscapeDataString(name)}");
        Assert.DoesNotContain(name, page);
        Assert.Contains("&lt;b&gt;标", page);
    }

    [Fact]
    public async Task An_order_is_found_by_its_number_within_scope()
    {
        var facility = await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan, $"搜索中心{Make.Serial()}"));
        await app.Staff.ProviderOf(facility);
        var elder = await app.Staff.NewElder(Make.Elder($"工单{Make.Serial()}"));
        var start = app.Clock.GetUtcNow().AddDays(3);
        var order = await app.Staff.Create("/api/orders", Make.ServiceOrder(elder, await app.Staff.ServiceItem(), start, start.AddHours(1)));

        var hit = Assert.Single(Hits(await (await app.Staff.GetAsync($"/api/search?q={order:N}")).Ok(), "orders"));
        Assert.Equal($"/orders/{order}", hit.GetProperty("url").GetString());
        var panlong = await app.ClientAs(Role.TownOfficer, region: Make.Panlong);
        Assert.Empty(Hits(await (await panlong.GetAsync($"/api/search?q={order}")).Ok(), "orders"));
    }

    [Fact]
    public async Task A_role_without_the_lists_gets_no_groups_of_them()
    {
        var auditor = await app.ClientAs(Role.Auditor);
        var r = await auditor.GetAsync("/api/search?q=测试");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Empty((await r.ReadJson()).GetProperty("groups").EnumerateArray());
    }
}
