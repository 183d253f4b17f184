using System.Net;
using System.Text.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Tests.Search;

/// <summary>
/// The global search by an elder's phone (ADR 6): whole numbers only, through a blind index filled at registration and
/// backfilled for older rows; ID numbers and phones are searched by POST only, never from a URL (server logs keep URLs).
/// </summary>
[Collection(nameof(SharedApp))]
public class PhoneSearchTests(AppFactory app)
{
    private static List<JsonElement> Elders(JsonElement result) =>
        result.GetProperty("groups").EnumerateArray().Where(g => g.GetProperty("kind").GetString() == "elders")
            .SelectMany(g => g.GetProperty("hits").EnumerateArray()).ToList();

    private static string Phone() => $"137{Make.Serial() % 100_000_000:00000000}";

    [Fact]
    public async Task An_elder_is_found_by_the_whole_phone_within_scope_and_the_answer_masks_it()
    {
        var phone = Phone();
        var elder = await app.Staff.NewElder(Make.Elder($"电话{Make.Serial()}", regionCode: Make.Changyuan, phone: phone));

        var r = await app.Staff.PostJson("/api/search", new { q = $"{phone[..3]} {phone[3..7]}-{phone[7..]}" }); // spaces and hyphens
        var body = await r.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var hit = Assert.Single(Elders(JsonDocument.Parse(body).RootElement));
        Assert.Equal(elder, hit.GetProperty("id").GetGuid());
        Assert.DoesNotContain(phone, body);
        Assert.Equal($"{phone[..3]}****{phone[^4..]}", JsonDocument.Parse(body).RootElement.GetProperty("q").GetString());

        Assert.Empty(Elders(await (await app.Staff.PostJson("/api/search", new { q = phone[..10] })).Ok())); // part of it: no match
        var panlong = await app.ClientAs(Role.TownOfficer, region: Make.Panlong);
        Assert.Empty(Elders(await (await panlong.PostJson("/api/search", new { q = phone })).Ok()));
        var changyuan = await app.ClientAs(Role.TownOfficer, region: Make.Changyuan);
        Assert.Single(Elders(await (await changyuan.PostJson("/api/search", new { q = phone })).Ok()));
        await (await app.Staff.PostJson("/api/search", new { q = "" })).AssertFieldError("q");
    }

    [Fact]
    public async Task An_id_number_or_phone_in_the_url_is_refused_and_not_searched()
    {
        var phone = Phone();
        var idNumber = Make.IdNumber("19420304");
        await app.Staff.NewElder(Make.Elder($"网址{Make.Serial()}", idNumber: idNumber, phone: phone));

        Assert.Contains("POST", await (await app.Staff.GetAsync($"/api/search?q={idNumber}")).AssertFieldError("q"), StringComparison.Ordinal);
        await (await app.Staff.GetAsync($"/api/search?q={phone}")).AssertFieldError("q");
        var page = await app.Staff.GetStringAsync($"/search?q={phone}");
        Assert.Contains("不要放在网址中", page, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, page);

        var byId = Assert.Single(Elders(await (await app.Staff.PostJson("/api/search", new { q = idNumber })).Ok()));
        Assert.Contains("********", byId.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_header_box_posts_and_the_page_shows_the_hit_with_the_number_masked()
    {
        var phone = Phone();
        var name = $"表单{Make.Serial()}";
        var elder = await app.Staff.NewElder(Make.Elder(name, phone: phone));
        var html = await app.Staff.GetStringAsync("/elders");
        Assert.Contains("<form method=\"post\" action=\"/search\" class=\"site-search\"", html, StringComparison.Ordinal);

        var page = await (await app.PostForm(app.Staff, "/search", ("q", phone))).Page();
        Assert.Contains($"/elders/{elder}", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, page.Html);
        Assert.Contains($"{phone[..3]}****{phone[^4..]}", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_stored_before_the_index_are_backfilled_once_and_then_found()
    {
        var phone = Phone();
        var elder = await app.Staff.NewElder(Make.Elder($"补建{Make.Serial()}", phone: phone));
        await using (var scope = app.Scope(out var db))
            await db.Elders.Where(e => e.Id == elder).ExecuteUpdateAsync(s => s.SetProperty(e => e.PhoneIndex, (string?)null));
        Assert.Empty(Elders(await (await app.Staff.PostJson("/api/search", new { q = phone })).Ok()));

        await using (var scope = app.Scope(out var db))
        {
            var protector = scope.ServiceProvider.GetRequiredService<ElderCare.Web.Infrastructure.Privacy.FieldProtector>();
            Assert.True(await ElderCare.Web.Features.Elders.ElderPhone.BackfillAsync(db, protector, default, batch: 2) >= 1);
            Assert.Equal(0, await ElderCare.Web.Features.Elders.ElderPhone.BackfillAsync(db, protector, default)); // idempotent
        }
        Assert.Single(Elders(await (await app.Staff.PostJson("/api/search", new { q = phone })).Ok()));
    }

    [Theory]
    [InlineData("13912345678", "13912345678")]
    [InlineData("139 1234-5678", "13912345678")]
    [InlineData("023-46781234", "02346781234")]
    [InlineData("12345678901", null)] // not a mobile prefix
    [InlineData("1391234567", null)] // ten digits
    [InlineData("张三", null)]
    [InlineData(null, null)]
    public void A_phone_is_normalised_to_its_digits_or_is_not_a_phone(string? typed, string? digits) =>
        Assert.Equal(digits, ElderCare.Web.Features.Elders.ElderPhone.Normalize(typed));
}
