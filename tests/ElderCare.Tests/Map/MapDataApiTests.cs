using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Map;
using ElderCare.Web.Infrastructure.Spreadsheets;

namespace ElderCare.Tests.Map;

/// <summary>
/// Unit boundaries (GeoJSON), the district's candidate buildings and the suggestion's export, on a database of their own
/// (the candidate buildings change every site suggestion of the district).
/// </summary>
public class MapDataApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Square(double lat, double lng, double half = 0.01) => string.Create(CultureInfo.InvariantCulture,
        $"{{\"type\":\"Polygon\",\"coordinates\":[[[{lng - half},{lat - half}],[{lng + half},{lat - half}],[{lng + half},{lat + half}]," +
        $"[{lng - half},{lat + half}],[{lng - half},{lat - half}]]]}}");

    private static string Feature(string? code, string geometry) =>
        $"{{\"type\":\"Feature\",\"properties\":{(code is null ? "{}" : $"{{\"code\":\"{code}\"}}")},\"geometry\":{geometry}}}";

    private static string Collection(params string[] features) => $"{{\"type\":\"FeatureCollection\",\"features\":[{string.Join(',', features)}]}}";

    private static Task<HttpResponseMessage> Upload(HttpClient client, string geojson) => Upload(client, Encoding.UTF8.GetBytes(geojson));

    private static Task<HttpResponseMessage> Upload(HttpClient client, byte[] bytes)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/geo+json");
        content.Add(file, "file", "units.geojson");
        return client.PostAsync("/api/map/boundaries", content);
    }

    [Fact]
    public async Task A_good_file_replaces_each_units_boundary_and_the_map_reads_them_simplified_by_level()
    {
        var response = await Upload(app.Staff, Collection(Feature(Make.Changyuan, Square(Make.HomeLat, Make.HomeLng)),
            Feature(Make.Fenggao, Square(Make.HomeLat + 0.05, Make.HomeLng))));
        var saved = await response.ReadJson();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, saved.GetProperty("saved").GetInt32());
        // Uploaded again, bigger: replaced, not added.
        (await Upload(app.Staff, Collection(Feature(Make.Changyuan, Square(Make.HomeLat, Make.HomeLng, 0.02))))).EnsureSuccessStatusCode();

        var map = await app.Staff.GetAsync("/api/map/boundaries?level=town");
        Assert.Equal("application/geo+json", map.Content.Headers.ContentType?.MediaType);
        var features = (await map.ReadJson()).GetProperty("features").EnumerateArray().ToList();
        var changyuan = Assert.Single(features, f => f.GetProperty("properties").GetProperty("code").GetString() == Make.Changyuan);
        Assert.Equal(("昌元街道", "town", "Polygon"), (changyuan.GetProperty("properties").GetProperty("name").GetString(),
            changyuan.GetProperty("properties").GetProperty("level").GetString(), changyuan.GetProperty("geometry").GetProperty("type").GetString()));
        Assert.Equal(Make.HomeLng + 0.02, changyuan.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray()
            .Max(p => p[0].GetDouble()), 6);
        Assert.Contains(features, f => f.GetProperty("properties").GetProperty("code").GetString() == Make.Fenggao);
        Assert.Empty((await (await app.Staff.GetAsync("/api/map/boundaries?level=community")).ReadJson()).GetProperty("features")
            .EnumerateArray());
        // A town officer reads the boundaries of their own street only.
        var officer = await app.ClientAs(Role.TownOfficer, Make.Fenggao);
        var own = (await (await officer.GetAsync("/api/map/boundaries?level=town")).ReadJson()).GetProperty("features").EnumerateArray().ToList();
        Assert.Equal([Make.Fenggao], own.Select(f => f.GetProperty("properties").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task The_level_is_town_or_community()
    {
        Assert.Contains("town", await (await app.Staff.GetAsync("/api/map/boundaries?level=county")).AssertFieldError("level"),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[")]
    [InlineData("not json at all")]
    [InlineData("{\"type\":\"Feature\",\"geometry\":null}")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[]}")]
    public async Task A_file_that_is_no_feature_collection_is_refused_as_a_whole(string body)
    {
        await (await Upload(app.Staff, body)).AssertFieldError("file");
    }

    [Fact]
    public async Task Each_bad_feature_is_reported_under_its_own_key_and_the_good_ones_are_saved()
    {
        const string bowtie = "{\"type\":\"Polygon\",\"coordinates\":[[[105.50,29.30],[105.52,29.32],[105.52,29.30],[105.50,29.32],[105.50,29.30]]]}";
        const string line = "{\"type\":\"LineString\",\"coordinates\":[[105.5,29.3],[105.6,29.4]]}";
        var response = await Upload(app.Staff, Collection(
            Feature(Make.Panlong, Square(Make.HomeLat - 0.1, Make.HomeLng)), // good
            Feature(null, Square(Make.HomeLat, Make.HomeLng)),
            Feature("500153999", Square(Make.HomeLat, Make.HomeLng)),
            Feature(Make.Fenggao, bowtie),
            Feature("500153002", line),
            Feature("500153003", Square(51.5, 0.1)),
            Feature(Make.Panlong, Square(Make.HomeLat, Make.HomeLng))));
        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("已保存 1 个", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, problem.GetProperty("saved").GetInt32());
        var errors = problem.GetProperty("errors");
        string Error(string key) => errors.GetProperty(key)[0].GetString()!;
        Assert.Contains("缺少区划代码", Error("features[1].properties.code"), StringComparison.Ordinal);
        Assert.Contains("500153999 不存在", Error("features[2].properties.code"), StringComparison.Ordinal);
        Assert.Contains("自相交", Error("features[3].geometry"), StringComparison.Ordinal);
        Assert.Contains("LineString", Error("features[4].geometry"), StringComparison.Ordinal);
        Assert.Contains("超出中国范围", Error("features[5].geometry"), StringComparison.Ordinal);
        Assert.Contains("重复", Error("features[6].properties.code"), StringComparison.Ordinal);
        Assert.Equal(6, errors.EnumerateObject().Count());
        var towns = (await (await app.Staff.GetAsync("/api/map/boundaries?level=town")).ReadJson()).GetProperty("features").EnumerateArray();
        Assert.Contains(towns, f => f.GetProperty("properties").GetProperty("code").GetString() == Make.Panlong);
    }

    [Fact]
    public async Task A_region_outside_the_officers_scope_is_refused_as_not_found_and_nothing_is_saved()
    {
        var officer = await app.ClientAs(Role.TownOfficer, Make.Fenggao);
        var message = await (await Upload(officer, Collection(Feature(Make.Changyuan, Square(Make.HomeLat, Make.HomeLng)))))
            .AssertFieldError("features[0].properties.code");
        Assert.Contains("不在您的管辖范围内", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_the_size_cap_is_refused_with_413_while_it_streams()
    {
        var big = new byte[ImportBoundaries.MaxFileBytes + 1];
        Array.Fill(big, (byte)' ');
        var problem = await (await Upload(app.Staff, big)).AssertProblem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listed_candidate_buildings_are_imported_row_by_row_and_the_suggestion_chooses_among_them_and_exports()
    {
        var north = Make.HomeLat + 3000 / 111_195.0;
        // A priority elder (高龄) 3 km north of everything, in 盘龙镇 so no other test's elders are counted with it.
        (await app.Staff.PostJson("/api/elders", Make.Elder(regionCode: Make.Panlong, born: "19400101", living: "with-family", lat: north)))
            .EnsureSuccessStatusCode();
        var rows = new[]
        {
            new Dictionary<string, object?>
            {
                ["名称"] = "原盘龙供销社", ["地址"] = "盘龙镇正街 1 号", ["纬度"] = north + 0.001, ["经度"] = Make.HomeLng, ["区划代码"] = Make.Panlong,
                ["备注"] = "空置两层",
            },
            new Dictionary<string, object?>
            {
                ["名称"] = "纬度错", ["地址"] = "盘龙镇", ["纬度"] = "北纬", ["经度"] = Make.HomeLng, ["区划代码"] = Make.Panlong, ["备注"] = null,
            },
            new Dictionary<string, object?>
            {
                ["名称"] = "无此区划", ["地址"] = "某地", ["纬度"] = north, ["经度"] = Make.HomeLng, ["区划代码"] = "500153999", ["备注"] = null,
            },
        };
        var officer = await app.ClientAs(Role.TownOfficer, Make.Panlong);
        var import = await Uploads.Imported(await officer.PostXlsx("/api/map/candidate-sites/import",
            Uploads.Workbook(ImportCandidateSites.Sheet, rows)));
        Assert.Equal((1, 0, 2), (import.GetProperty("imported").GetInt32(), import.GetProperty("updated").GetInt32(),
            import.GetProperty("rejected").GetInt32()));
        var errors = import.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("text").GetString()!).ToList();
        Assert.Contains(errors, e => e.StartsWith("第 3 行（纬度）", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("第 4 行（区划代码）", StringComparison.Ordinal) && e.Contains("不存在", StringComparison.Ordinal));

        // The officer of 盘龙镇: the listed building is the default candidate; grid on request.
        var listed = await (await officer.GetAsync("/api/map/site-suggestions?sites=1")).Read<SiteSuggestion>();
        Assert.Equal(("listed", 1), (listed.CandidateSource, listed.Candidates));
        var site = Assert.Single(listed.Chosen);
        Assert.Equal(("原盘龙供销社", Make.Panlong, 1, 1), (site.Name, site.RegionCode, site.Elders, site.Priority));
        var grid = await (await officer.GetAsync("/api/map/site-suggestions?sites=1&candidates=grid")).Read<SiteSuggestion>();
        Assert.Equal(("grid", (string?)null, Make.Panlong), (grid.CandidateSource, grid.Chosen[0].Name, grid.Chosen[0].RegionCode));
        Assert.Contains("listed", await (await officer.GetAsync("/api/map/site-suggestions?sites=1&candidates=all"))
            .AssertFieldError("candidates"), StringComparison.Ordinal);

        var export = await officer.GetAsync("/api/map/site-suggestions/export?sites=1");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(SpreadsheetWriter.ContentType, export.Content.Headers.ContentType?.MediaType);
        var sheets = Uploads.Sheets(await export.Content.ReadAsByteArrayAsync());
        var chosen = Assert.Single(sheets[ExportSiteSuggestions.SitesSheet]);
        Assert.Equal(("原盘龙供销社", "盘龙镇", 1.0, 1.0), ((string?)chosen["名称"], (string?)chosen["所在村社区或镇街"],
            Convert.ToDouble(chosen["新纳入服务圈的老年人"], CultureInfo.InvariantCulture),
            Convert.ToDouble(chosen["其中重点老年人"], CultureInfo.InvariantCulture)));
        var solution = sheets[ExportSiteSuggestions.SolutionSheet].ToDictionary(r => (string)r["项目"]!, r => r["内容"]?.ToString());
        Assert.Equal("区县登记的候选楼宇", solution["候选点来源"]);
        Assert.Equal("0.00%", solution["差距"]);
        Assert.Contains("上界", solution.Keys);
        Assert.Contains("1 / 1", solution["服务圈内重点老年人（建成后）"], StringComparison.Ordinal);
        Assert.Contains("站点数", await (await officer.GetAsync("/api/map/site-suggestions/export?sites=0")).AssertFieldError("sites"),
            StringComparison.Ordinal);

        var list = (await (await officer.GetAsync("/api/map/candidate-sites")).ReadJson()).EnumerateArray().ToList();
        Assert.Equal(["原盘龙供销社"], list.Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_map_page_links_the_suggestions_export_and_the_boundary_page_lists_what_is_stored()
    {
        (await Upload(app.Staff, Collection(Feature("500153004", Square(Make.HomeLat + 0.2, Make.HomeLng))))).EnsureSuccessStatusCode();
        var map = await app.Staff.GetStringAsync("/map?sites=1");
        Assert.Contains("/api/map/site-suggestions/export?sites=1&amp;candidates=", map, StringComparison.Ordinal);
        Assert.Contains("href=\"/map/boundaries\"", map, StringComparison.Ordinal);
        var page = await app.Staff.GetStringAsync("/map/boundaries");
        Assert.Contains("双河街道", page, StringComparison.Ordinal);
        Assert.Contains("500153004", page, StringComparison.Ordinal);
    }
}
