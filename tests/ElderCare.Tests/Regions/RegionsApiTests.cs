using System.Net;
using ElderCare.Tests.Infrastructure;

namespace ElderCare.Tests.Regions;

public class RegionsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly HttpClient _http = app.Staff;

    [Fact]
    public async Task Get_returns_the_seeded_district_and_its_21_units()
    {
        var regions = (await (await _http.GetAsync("/api/regions")).ReadJson()).EnumerateArray().ToList();
        var district = regions.Single(r => r.GetProperty("code").GetString() == "500153");
        Assert.Equal("荣昌区", district.GetProperty("name").GetString());
        Assert.Equal("district", district.GetProperty("kind").GetString());
        var units = regions.Where(r => r.GetProperty("parentCode").GetString() == "500153").ToList();
        Assert.Equal(21, units.Count);
        var fenggao = units.Single(r => r.GetProperty("code").GetString() == Make.Fenggao);
        Assert.Equal("峰高街道", fenggao.GetProperty("name").GetString());
        Assert.Equal("street", fenggao.GetProperty("kind").GetString());
        Assert.Equal(8, fenggao.GetProperty("villageCount").GetInt32());
    }

    [Fact]
    public async Task Post_adds_a_community_under_its_street()
    {
        var r = await _http.PostJson("/api/regions", new { code = "500153001001", name = "海棠社区", kind = "community", parentCode = Make.Changyuan });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        Assert.Equal("/api/regions/500153001001", r.Headers.Location?.OriginalString);
        var under = (await (await _http.GetAsync($"/api/regions?under={Make.Changyuan}")).ReadJson()).EnumerateArray().ToList();
        Assert.Contains(under, x => x.GetProperty("name").GetString() == "海棠社区" && x.GetProperty("parentCode").GetString() == Make.Changyuan);
    }

    [Theory]
    [InlineData("500153002001", "community", Make.Changyuan, "code")]   // does not extend its parent's code
    [InlineData("50015300100", "village", Make.Changyuan, "code")]      // 11 digits
    [InlineData("500153001000", "village", Make.Changyuan, "code")]     // its own part is zero
    [InlineData("500153099001", "village", "500153099", "parentCode")]  // unknown parent
    [InlineData("500153001002", "street", Make.Changyuan, "kind")]      // a street cannot sit under a street
    [InlineData("500153001003", "hamlet", Make.Changyuan, "kind")]      // unknown kind
    public async Task Post_rejects_bad_codes_parents_and_kinds(string code, string kind, string parent, string field) =>
        await (await _http.PostJson("/api/regions", new { code, name = "测试村", kind, parentCode = parent })).AssertFieldError(field);

    [Fact]
    public async Task Post_of_an_existing_code_is_409()
    {
        var body = new { code = "500153009201", name = "岳林村", kind = "village", parentCode = Make.Panlong };
        Assert.Equal(HttpStatusCode.Created, (await _http.PostJson("/api/regions", body)).StatusCode);
        await (await _http.PostJson("/api/regions", body)).AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Put_updates_the_editable_figures_of_a_unit()
    {
        var r = await _http.PutJson($"/api/regions/{Make.Fenggao}", new { villageCount = 8, communityCount = 3, population = 42000,
            elderlyPopulation = 11000 });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var json = await r.ReadJson();
        Assert.Equal(3, json.GetProperty("communityCount").GetInt32());
        Assert.Equal(42000, json.GetProperty("population").GetInt32());
        await (await _http.PutJson($"/api/regions/{Make.Fenggao}", new { population = 10, elderlyPopulation = 20 }))
            .AssertFieldError("elderlyPopulation");
        await (await _http.PutJson("/api/regions/500153099", new { population = 10 })).AssertProblem(HttpStatusCode.NotFound);
    }
}
