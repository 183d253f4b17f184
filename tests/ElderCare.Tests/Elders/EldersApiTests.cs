using System.Net;
using System.Text;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Tests.Elders;

public class EldersApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static object Elder(string idNumber = "50015319450312123X", string name = "张德明", string regionCode = Make.Changyuan,
        string living = "alone", string[]? categories = null, string? phone = "13812345678") => new
    {
        name, idNumber, phone, address = "荣昌区昌元街道海棠路 8 号", regionCode, livingArrangement = living,
        categories = categories ?? ["subsistence"], location = new { lat = 29.40, lng = 105.59 },
        emergencyContacts = new[] { new { name = "张小明", relation = "儿子", phone = "13900001111" } },
        familyDoctor = new { name = "李医生", institution = "昌元街道社区卫生服务中心", since = "2023-03-01" },
        consent = new { basis = "本人同意", on = "2026-11-01" },
    };

    [Fact]
    public async Task Register_derives_birth_date_sex_and_age_and_masks_the_id_number_and_phone()
    {
        var r = await app.Staff.PostJson("/api/elders", Elder("500153194001010038", "王秀英"));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var e = await r.ReadJson();
        Assert.Equal($"/api/elders/{e.GetProperty("id").GetString()}", r.Headers.Location?.OriginalString);
        Assert.Equal("1940-01-01", e.GetProperty("birthDate").GetString());
        Assert.Equal("male", e.GetProperty("sex").GetString());
        Assert.Equal(86, e.GetProperty("age").GetInt32());
        Assert.Equal("500153********0038", e.GetProperty("idNumber").GetString());
        Assert.Equal("138****5678", e.GetProperty("phone").GetString());
        Assert.Equal("139****1111", e.GetProperty("emergencyContacts")[0].GetProperty("phone").GetString());
        Assert.Equal("本人同意", e.GetProperty("consent").GetProperty("basis").GetString());
        Assert.DoesNotContain("500153194001010038", await (await app.Staff.GetAsync(
            $"/api/elders/{e.GetProperty("id").GetString()}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_legacy_15_digit_number_is_upgraded()
    {
        var e = await (await app.Staff.PostJson("/api/elders", Elder("500153451231123", "刘桂兰"))).ReadJson();
        Assert.Equal("1945-12-31", e.GetProperty("birthDate").GetString());
        Assert.Equal("500153********1238", e.GetProperty("idNumber").GetString());
    }

    [Theory]
    [InlineData("500153195001010025")] // wrong check digit
    [InlineData("500153193802290012")] // 1938-02-29 does not exist
    [InlineData("5001531945031212")]   // length
    [InlineData("500153197003150011")] // 56 years old: under the minimum age of 60
    public async Task Bad_id_numbers_are_400_naming_idNumber(string idNumber) =>
        await (await app.Staff.PostJson("/api/elders", Elder(idNumber))).AssertFieldError("idNumber");

    [Fact]
    public async Task Missing_fields_are_400_naming_each()
    {
        var r = await app.Staff.PostAsync("/api/elders", new StringContent("""{"idNumber":"500153194402020050"}""", Encoding.UTF8,
            "application/json"));
        var problem = await r.AssertProblem(HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("name", fields);
        Assert.Contains("regionCode", fields);
        Assert.Contains("livingArrangement", fields);
        Assert.Contains("consent.basis", fields);
    }

    [Fact]
    public async Task A_registered_id_number_is_409_saying_where_in_scope_and_only_that_it_exists_outside()
    {
        Assert.Equal(HttpStatusCode.Created, (await app.Staff.PostJson("/api/elders", Elder("500153193506060079", "陈玉珍"))).StatusCode);
        var again = await (await app.Staff.PostJson("/api/elders", Elder("500153193506060079", "陈玉珍"))).AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("陈玉珍（昌元街道）", again.GetProperty("detail").GetString());

        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Panlong);
        var elsewhere = await (await officer.PostJson("/api/elders", Elder("500153193506060079", "陈玉珍", Make.Panlong)))
            .AssertProblem(HttpStatusCode.Conflict);
        Assert.DoesNotContain("昌元", elsewhere.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Exact_lookup_by_id_number_and_scope()
    {
        var created = await (await app.Staff.PostJson("/api/elders", Elder("50015319481111009X", "周桂芳"))).ReadJson();
        var found = await (await app.Staff.PostJson("/api/elders/lookup", new { idNumber = "50015319481111009x" })).ReadJson();
        Assert.Equal(created.GetProperty("id").GetString(), found.GetProperty("id").GetString());
        await (await app.Staff.PostJson("/api/elders/lookup", new { idNumber = "500153193807070019" })).AssertProblem(HttpStatusCode.NotFound);
        await (await app.Staff.PostJson("/api/elders/lookup", new { idNumber = "123" })).AssertFieldError("idNumber");

        var otherUnit = await app.ClientAs(Role.TownOfficer, region: Make.Panlong);
        await (await otherUnit.PostJson("/api/elders/lookup", new { idNumber = "50015319481111009X" })).AssertProblem(HttpStatusCode.NotFound);
        await (await otherUnit.GetAsync($"/api/elders/{created.GetProperty("id").GetString()}")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_id_number_never_travels_in_the_url_the_lookup_by_GET_is_405()
    {
        await (await app.Staff.GetAsync("/api/elders/lookup?idNumber=50015319481111009X")).AssertProblem(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task List_filters_by_region_age_band_category_and_living_arrangement()
    {
        await app.Staff.PostJson("/api/elders", Elder("500153194402020050", "列表甲", Make.Fenggao, "left-behind", ["extreme-poverty"]));
        await app.Staff.PostJson("/api/elders", Elder("500153195205050028", "列表乙", Make.Fenggao, "with-family", []));
        var all = await (await app.Staff.GetAsync($"/api/elders?regionCode={Make.Fenggao}")).ReadJson();
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        var eighty = await (await app.Staff.GetAsync($"/api/elders?regionCode={Make.Fenggao}&ageBand=80%2B")).ReadJson();
        Assert.Equal("列表甲", Assert.Single(eighty.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        var seventies = await (await app.Staff.GetAsync($"/api/elders?regionCode={Make.Fenggao}&ageBand=70-79")).ReadJson();
        Assert.Equal("列表乙", Assert.Single(seventies.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        var poverty = await (await app.Staff.GetAsync(
            $"/api/elders?regionCode={Make.Fenggao}&category=extreme-poverty&livingArrangement=left-behind")).ReadJson();
        Assert.Equal(1, poverty.GetProperty("total").GetInt32());
        var notAssessed = await (await app.Staff.GetAsync($"/api/elders?regionCode={Make.Fenggao}&notAssessed=true")).ReadJson();
        Assert.Equal(2, notAssessed.GetProperty("total").GetInt32());
        Assert.All(all.GetProperty("items").EnumerateArray(), i => Assert.Contains("********", i.GetProperty("idNumber").GetString()));
        await (await app.Staff.GetAsync("/api/elders?ageBand=90-99")).AssertFieldError("ageBand");
        await (await app.Staff.GetAsync("/api/elders?category=rich")).AssertFieldError("category");
    }

    [Fact]
    public async Task Update_with_optimistic_concurrency()
    {
        var e = await (await app.Staff.PostJson("/api/elders", Elder("500153194109090041", "更新测试"))).ReadJson();
        var id = e.GetProperty("id").GetString();
        var node = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(
            Elder("500153194109090041", "更新测试", living: "empty-nest")))!;
        node["version"] = 1;
        var withVersion = node.ToJsonString();
        Assert.Equal(HttpStatusCode.OK, (await app.Staff.PutAsync($"/api/elders/{id}",
            new StringContent(withVersion, Encoding.UTF8, "application/json"))).StatusCode);
        await (await app.Staff.PutAsync($"/api/elders/{id}", new StringContent(withVersion, Encoding.UTF8, "application/json")))
            .AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_update_without_id_number_phone_or_contacts_keeps_them()
    {
        var e = await (await app.Staff.PostJson("/api/elders", Elder("500153193909090045", "保留测试"))).ReadJson();
        var id = e.GetProperty("id").GetString();
        var r = await app.Staff.PutJson($"/api/elders/{id}", new
        {
            name = "保留测试", regionCode = Make.Changyuan, livingArrangement = "empty-nest", consent = new { basis = "本人同意" }, version = 1,
        });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var updated = await r.ReadJson();
        Assert.Equal("500153********0045", updated.GetProperty("idNumber").GetString());
        Assert.Equal("138****5678", updated.GetProperty("phone").GetString());
        Assert.Equal("139****1111", updated.GetProperty("emergencyContacts")[0].GetProperty("phone").GetString());
        Assert.Equal("empty-nest", updated.GetProperty("livingArrangement").GetString());
    }

    [Fact]
    public async Task Over_long_fields_are_400_not_a_database_error() =>
        await (await app.Staff.PostJson("/api/elders", new
        {
            name = "超长", idNumber = "500153194202020056", regionCode = Make.Changyuan, livingArrangement = "alone",
            familyDoctor = new { name = new string('医', 51) }, consent = new { basis = "本人同意" },
        })).AssertFieldError("familyDoctor.name");

    [Fact]
    public async Task Unmasking_an_id_number_needs_the_permission_and_a_reason_and_is_audited()
    {
        var e = await (await app.Staff.PostJson("/api/elders", Elder("500226194503121236", "老县码"))).ReadJson();
        var id = e.GetProperty("id").GetString();
        await (await app.Staff.PostJson($"/api/elders/{id}/unmask", new { field = "idNumber", reason = "上门核对身份" }))
            .AssertProblem(HttpStatusCode.Forbidden);

        var privileged = await app.UnmaskingClient(Role.DistrictStaff);
        await (await privileged.PostJson($"/api/elders/{id}/unmask", new { field = "idNumber", reason = "" })).AssertFieldError("reason");
        var value = await (await privileged.PostJson($"/api/elders/{id}/unmask", new { field = "idNumber", reason = "上门核对身份" })).ReadJson();
        Assert.Equal("500226194503121236", value.GetProperty("value").GetString());
        var auditor = await app.ClientAs(Role.Auditor);
        var rows = (await (await auditor.GetAsync("/api/audit?action=data.unmask")).ReadJson()).GetProperty("items").EnumerateArray();
        Assert.Contains(rows, r => r.GetProperty("target").GetString() == $"elder/{id}/idNumber" && r.GetProperty("detail").GetString() == "上门核对身份");
    }
}
