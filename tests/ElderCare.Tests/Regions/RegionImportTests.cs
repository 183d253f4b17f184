using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Spreadsheets;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;
using static ElderCare.Tests.Infrastructure.Uploads;
using T = ElderCare.Web.Features.Regions.RegionImportTemplate;

namespace ElderCare.Tests.Regions;

/// <summary>Communities and villages from the national 统计用区划代码 list, all or nothing (ADR 0021).</summary>
public class RegionImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, object?> Row(string code, string? classification, string name) =>
        new() { [T.Code] = code, [T.Classification] = classification, [T.Name] = name };

    private static byte[] Workbook(params Dictionary<string, object?>[] rows) => Uploads.Workbook(T.DataSheet, rows);

    private static async Task<JsonElement> Import(HttpClient client, byte[] xlsx) =>
        await Imported(await client.PostXlsx("/api/regions/import", xlsx, "regions.xlsx"));

    private static (bool, int, int, int, int, int) Counts(JsonElement r) => (r.GetProperty("applied").GetBoolean(),
        r.GetProperty("imported").GetInt32(), r.GetProperty("renamed").GetInt32(), r.GetProperty("corrected").GetInt32(),
        r.GetProperty("unchanged").GetInt32(), r.GetProperty("rejected").GetInt32());

    [Fact]
    public async Task Communities_and_villages_are_added_under_the_unit_their_code_names_and_a_re_import_changes_nothing()
    {
        var file = Workbook(
            Row("500153002000", null, "昌州街道"),
            Row("500153002001", "111", "昌州社区居委会"),
            Row("500153002002", "112", "板桥社区居委会"),
            Row("500153002201", "220", "灯塔村委会"),
            Row("500153002202", "122", "石河村委会"));
        Assert.Equal((true, 4, 0, 0, 1, 0), Counts(await Import(app.Staff, file)));
        Assert.Equal((true, 0, 0, 0, 5, 0), Counts(await Import(app.Staff, file)));

        await using var _ = app.Scope(out var db);
        var added = await db.Regions.Where(r => r.ParentCode == "500153002").ToDictionaryAsync(r => r.Code);
        Assert.Equal(RegionKind.Community, added["500153002001"].Kind);
        Assert.Equal(RegionKind.Village, added["500153002201"].Kind);
        Assert.Equal(RegionKind.Village, added["500153002202"].Kind); // 122: the name decides
        Assert.Equal("板桥社区居委会", added["500153002002"].Name);
    }

    [Fact]
    public async Task Any_bad_row_leaves_everything_as_it_was_and_each_problem_names_its_cell()
    {
        var result = await Import(app.Staff, Workbook(
            Row("500153003001", "111", "好社区居委会"),     // row 2: fine on its own
            Row("50015300300", "111", "短代码"),           // row 3: 11 digits (A)
            Row("500153003002", "999", "怪分类"),          // row 4: classification (B)
            Row("500153099001", "220", "无上级村"),        // row 5: no such unit (A)
            Row("500153003001", "111", "重复社区"),        // row 6: duplicate (A)
            Row("500154001001", "111", "外区社区"),        // row 7: another district (A)
            Row("500153003003", "220", "")));              // row 8: no name (C)
        Assert.False(result.GetProperty("applied").GetBoolean());
        var errors = ErrorTexts(result);
        Assert.Contains(errors, e => e.StartsWith("第 3 行 A 列（统计用区划代码）：", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("第 4 行 B 列（城乡分类代码）：", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("第 5 行 A 列（统计用区划代码）：上级镇街 500153099", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("第 6 行 A 列（统计用区划代码）：代码 500153003001 与第 2 行重复", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("第 7 行 A 列（统计用区划代码）：", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("第 8 行 C 列（名称）：", StringComparison.Ordinal));
        await using var _ = app.Scope(out var db);
        Assert.False(await db.Regions.AnyAsync(r => r.Code == "500153003001"));
    }

    [Fact]
    public async Task A_corrected_town_code_moves_the_town_and_what_is_filed_under_it_and_renames_follow()
    {
        // 清流镇 is seeded as 500153019; the official list says 500153119, with a village under it.
        var f = await (await app.Staff.PostJson("/api/facilities", Make.Facility("清流镇养老服务中心", FacilityType.TownCenter, "500153019",
            zones: [Zone.Leisure, Zone.DailyCare, Zone.ResidentialCare, Zone.MedicalRehab], floorArea: 900))).ReadJson();
        Assert.Equal(HttpStatusCode.Created, (await app.Staff.PostJson("/api/regions",
            new { code = "500153019201", name = "旧名村", kind = "village", parentCode = "500153019" })).StatusCode);
        var file = Workbook(
            Row("500153119000", null, "清流镇"),
            Row("500153119201", "220", "新名村委会"),   // same code once moved: renamed
            Row("500153119202", "220", "马草村委会"));
        var result = await Import(app.Staff, file);
        Assert.Equal((true, 1, 1, 1, 0, 0), Counts(result));
        Assert.Equal((true, 0, 0, 0, 3, 0), Counts(await Import(app.Staff, file)));

        await using var _ = app.Scope(out var db);
        Assert.False(await db.Regions.AnyAsync(r => r.Code.StartsWith("500153019")));
        Assert.Equal("新名村委会", (await db.Regions.SingleAsync(r => r.Code == "500153119201")).Name);
        Assert.Equal("500153119", (await db.Regions.SingleAsync(r => r.Code == "500153119202")).ParentCode);
        Assert.Equal("500153119", (await db.Facilities.SingleAsync(x => x.Id == Guid.Parse(f.GetProperty("id").GetString()!))).RegionCode);
        Assert.Equal(3, await db.PlanLines.CountAsync(l => l.UnitCode == "500153119"));
        Assert.True(await db.RegionCodeChanges.AnyAsync(c => c.OldCode == "500153019" && c.NewCode == "500153119"));
    }

    [Fact]
    public async Task A_town_officer_imports_only_into_their_town_and_corrects_no_codes()
    {
        var officer = await app.ClientAs(Role.TownOfficer, "500153020"); // 远觉镇
        var refused = await Import(officer, Workbook(
            Row("500153020201", "220", "远觉村委会"),
            Row("500153021201", "220", "龙集村委会"),    // 龙集镇: not the officer's
            Row("500153120000", null, "远觉镇")));        // a code correction
        Assert.False(refused.GetProperty("applied").GetBoolean());
        var errors = ErrorTexts(refused);
        Assert.Contains(errors, e => e.StartsWith("第 3 行 A 列", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("第 4 行 A 列", StringComparison.Ordinal) && e.Contains("区级用户"));

        Assert.Equal((true, 1, 0, 0, 0, 0), Counts(await Import(officer, Workbook(Row("500153020201", "220", "远觉村委会")))));
    }

    [Fact]
    public async Task The_template_and_the_rule_for_the_urban_rural_classification()
    {
        var r = await app.Staff.GetAsync("/api/regions/import/template");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var s = new MemoryStream(await r.Content.ReadAsByteArrayAsync());
        Assert.Equal([T.DataSheet, T.NotesSheet, T.ExampleSheet], s.GetSheetNames());
        var empty = new MultipartFormDataContent();
        await (await app.Staff.PostAsync("/api/regions/import", empty)).AssertFieldError("file");
    }

    [Theory]
    [InlineData("111", "海棠社区居委会", RegionKind.Community)]
    [InlineData("112", "板桥社区居委会", RegionKind.Community)]
    [InlineData("121", "新街社区居委会", RegionKind.Community)]
    [InlineData("210", "荣隆村委会", RegionKind.Village)]
    [InlineData("220", "玉屏村委会", RegionKind.Village)]
    [InlineData("122", "石河村委会", RegionKind.Village)]
    [InlineData("122", "河包社区居委会", RegionKind.Community)]
    [InlineData("123", "农场社区", RegionKind.Community)]
    public void 城乡分类代码_111_112_121为社区_210_220为行政村_122_123按名称(string classification, string name, RegionKind kind) =>
        Assert.Equal(kind, T.KindOf(classification, name));

    [Fact]
    public void An_unknown_classification_is_no_kind() => Assert.Null(T.KindOf("999", "某村"));
}
