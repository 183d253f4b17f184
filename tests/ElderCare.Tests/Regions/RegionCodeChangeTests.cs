using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Data;
using ElderCare.Web.Data.Seed;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Tests.Regions;

/// <summary>The district corrects an unverified town code, and everything filed under it follows (ADR 0021).</summary>
public partial class RegionCodeChangeTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Ronglong = "500153007"; // 荣隆镇, code unverified
    private const string Renyi = "500153008";    // 仁义镇
    private const string Wujia = "500153010";    // 吴家镇
    private const string Qingjiang = "500153014"; // 清江镇

    private static object Elder(string idNumber, string regionCode) => new
    {
        name = "代码测试", idNumber, phone = "13812345678", address = "荣昌区", regionCode, livingArrangement = "alone",
        categories = new[] { "subsistence" }, consent = new { basis = "本人同意", on = "2026-11-01" },
    };

    private Task<HttpResponseMessage> Change(HttpClient client, string code, string? newCode, string? reason = "依据2026年统计用区划代码") =>
        client.PostJson($"/api/regions/{code}/code", new { newCode, reason });

    [Fact]
    public async Task A_town_code_change_moves_its_villages_facilities_elders_plan_users_and_workers_in_one_go_and_is_audited()
    {
        var http = app.Staff;
        Assert.Equal(HttpStatusCode.Created, (await http.PostJson("/api/regions",
            new { code = "500153007001", name = "荣隆村", kind = "village", parentCode = Ronglong })).StatusCode);
        var point = await (await http.PostJson("/api/facilities", Make.Facility("荣隆村互助养老点", FacilityType.VillagePoint, "500153007001"))).ReadJson();
        var centre = await (await http.PostJson("/api/facilities", Make.Facility("荣隆镇养老服务中心", FacilityType.TownCenter, Ronglong,
            zones: [Zone.Leisure, Zone.DailyCare, Zone.ResidentialCare, Zone.MedicalRehab], floorArea: 900))).ReadJson();
        var elder = await (await http.PostJson("/api/elders", Elder("500153194001010038", "500153007001"))).ReadJson();
        var officer = await app.ClientAs(Role.TownOfficer, Ronglong);
        Guid workerId;
        await using (app.Scope(out var db))
        {
            var provider = new ElderCare.Web.Features.Services.ServiceProvider { Name = "荣隆服务社", UnitCode = Ronglong };
            db.ServiceProviders.Add(provider);
            var worker = new ElderCare.Web.Features.Services.Worker { Name = "李助老", ProviderId = provider.Id,
                RegionCodes = ["500153007001", Make.Changyuan] };
            db.Workers.Add(worker);
            await db.SaveChangesAsync();
            workerId = worker.Id;
        }

        var r = await Change(http, Ronglong, "500153107");
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var result = await r.ReadJson();
        Assert.Equal("500153107", result.GetProperty("newCode").GetString());

        var regions = (await (await http.GetAsync("/api/regions?under=5001531")).ReadJson()).EnumerateArray()
            .Select(x => x.GetProperty("code").GetString()).ToList();
        Assert.Contains("500153107", regions);
        Assert.Contains("500153107001", regions);
        Assert.DoesNotContain(Ronglong, regions);
        Assert.Equal("500153107001", (await (await http.GetAsync($"/api/facilities/{point.GetProperty("id")}")).ReadJson()).GetProperty("regionCode")
            .GetString());
        Assert.Equal("500153107", (await (await http.GetAsync($"/api/facilities/{centre.GetProperty("id")}")).ReadJson()).GetProperty("regionCode")
            .GetString());
        Assert.Equal("500153107001", (await (await http.GetAsync($"/api/elders/{elder.GetProperty("id")}")).ReadJson()).GetProperty("regionCode")
            .GetString());

        // The town officer's scope follows: the next request already sees the town under its new code.
        var seen = (await (await officer.GetAsync("/api/regions")).ReadJson()).EnumerateArray().Select(x => x.GetProperty("code").GetString())
            .ToList();
        Assert.Equal(["500153107", "500153107001"], seen);

        await using (app.Scope(out var db))
        {
            Assert.Equal("500153107001", (await db.Regions.SingleAsync(x => x.Code == "500153107001")).Code);
            Assert.Equal("500153107", (await db.Regions.SingleAsync(x => x.Code == "500153107001")).ParentCode);
            Assert.Equal(0, await db.PlanLines.CountAsync(l => l.UnitCode == Ronglong));
            Assert.Equal(3, await db.PlanLines.CountAsync(l => l.UnitCode == "500153107"));
            Assert.Equal("500153107001", (await db.Elders.SingleAsync(e => e.Id == Guid.Parse(elder.GetProperty("id").GetString()!))).RegionCode);
            Assert.Equal("500153107", (await db.Elders.SingleAsync(e => e.Id == Guid.Parse(elder.GetProperty("id").GetString()!))).UnitCode);
            Assert.Equal("500153107", (await db.ServiceProviders.SingleAsync(p => p.Name == "荣隆服务社")).UnitCode);
            Assert.Equal(["500153107001", Make.Changyuan], (await db.Workers.SingleAsync(w => w.Id == workerId)).RegionCodes);
            var change = await db.RegionCodeChanges.SingleAsync(c => c.OldCode == Ronglong);
            Assert.Equal("500153107", change.NewCode);

            // The seed runs at every start; it does not bring the old code back.
            await RongchangSeed.RunAsync(db);
            Assert.False(await db.Regions.AnyAsync(x => x.Code == Ronglong));
            Assert.Equal(0, await db.PlanLines.CountAsync(l => l.UnitCode == Ronglong));

            var audit = await db.AuditEntries.Where(a => a.Action == "region.code-change" && a.Target == "region/" + Ronglong).ToListAsync();
            var entry = Assert.Single(audit);
            Assert.Contains("500153007 → 500153107", entry.Detail);
            Assert.Contains("依据2026年统计用区划代码", entry.Detail);
        }
    }

    [Fact]
    public async Task A_code_in_use_is_409_and_changes_nothing()
    {
        var problem = await (await Change(app.Staff, Renyi, Wujia)).AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains(Wujia, problem.GetProperty("detail").GetString());
        await using var _ = app.Scope(out var db);
        Assert.True(await db.Regions.AnyAsync(x => x.Code == Renyi));
    }

    [Theory]
    [InlineData("50015310")]     // 8 digits
    [InlineData("5001531O9")]    // a letter
    [InlineData("500154109")]    // not under the district 500153
    [InlineData("500153000")]    // its own part is zero
    [InlineData(Renyi)]          // the same code
    [InlineData("")]
    public async Task A_bad_new_code_is_400_naming_newCode(string newCode) =>
        await (await Change(app.Staff, Renyi, newCode)).AssertFieldError("newCode");

    [Fact]
    public async Task A_missing_reason_is_400_naming_reason_and_the_district_code_is_not_changed_here()
    {
        await (await Change(app.Staff, Renyi, "500153108", reason: " ")).AssertFieldError("reason");
        await (await Change(app.Staff, RongchangSeed.DistrictCode, "500154")).AssertFieldError("newCode");
        await (await Change(app.Staff, "500153099", "500153199")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Role.TownOfficer)]
    [InlineData(Role.Operator)]
    [InlineData(Role.Evaluator)]
    public async Task Only_the_district_changes_a_code(Role role)
    {
        var client = await app.ClientAs(role, role == Role.TownOfficer ? Renyi : null);
        await (await Change(client, Renyi, "500153108")).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_failure_halfway_leaves_every_code_as_it_was()
    {
        var f = await (await app.Staff.PostJson("/api/facilities", Make.Facility("清江镇养老服务中心", FacilityType.TownCenter, Qingjiang,
            zones: [Zone.Leisure, Zone.DailyCare, Zone.ResidentialCare, Zone.MedicalRehab], floorArea: 900))).ReadJson();
        // The plan rows are moved after the regions and facilities: make that step fail.
        await using (app.Scope(out var db))
        {
            if (AppFactory.OnPostgres)
            {
                await db.Database.ExecuteSqlRawAsync(
                    "CREATE FUNCTION refuse_plan() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql;");
                await db.Database.ExecuteSqlRawAsync(
                    "CREATE TRIGGER refuse_plan BEFORE UPDATE ON \"PlanLines\" FOR EACH ROW EXECUTE FUNCTION refuse_plan();");
            }
            else
                await db.Database.ExecuteSqlRawAsync(
                    "CREATE TRIGGER refuse_plan BEFORE UPDATE ON PlanLines BEGIN SELECT RAISE(ABORT, 'refused'); END;");
        }
        try
        {
            await (await Change(app.Staff, Qingjiang, "500153114")).AssertProblem(HttpStatusCode.Conflict);
            await using var _ = app.Scope(out var db);
            Assert.True(await db.Regions.AnyAsync(x => x.Code == Qingjiang));
            Assert.False(await db.Regions.AnyAsync(x => x.Code == "500153114"));
            Assert.Equal(Qingjiang, (await db.Facilities.SingleAsync(x => x.Id == Guid.Parse(f.GetProperty("id").GetString()!))).RegionCode);
            Assert.False(await db.RegionCodeChanges.AnyAsync(c => c.OldCode == Qingjiang));
        }
        finally
        {
            await using var _ = app.Scope(out var db);
            await db.Database.ExecuteSqlRawAsync(AppFactory.OnPostgres ? "DROP TRIGGER refuse_plan ON \"PlanLines\"" : "DROP TRIGGER refuse_plan");
        }
    }

    [Fact]
    public async Task The_edit_page_form_asks_for_confirmation_then_corrects_the_code()
    {
        const string zhisheng = "500153011"; // 直升镇
        var direct = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        direct.DefaultRequestHeaders.Authorization = app.Staff.DefaultRequestHeaders.Authorization;
        var page = await direct.GetStringAsync($"/regions/{zhisheng}/edit");
        Assert.Contains("更正区划代码", page);
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        Task<HttpResponseMessage> Post(params KeyValuePair<string, string>[] fields) => direct.PostAsync($"/regions/{zhisheng}/edit?handler=code",
            new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));

        var unconfirmed = await Post(new("newCode", "500153111"), new("reason", "核对统计用区划代码"));
        Assert.Contains("请勾选确认", await unconfirmed.Content.ReadAsStringAsync());
        var bad = await Post(new("newCode", "5001531"), new("reason", "核对"), new("confirm", "true"));
        Assert.Contains("镇代码应为 9 位数字", await bad.Content.ReadAsStringAsync());
        await using (app.Scope(out var db)) Assert.True(await db.Regions.AnyAsync(r => r.Code == zhisheng));

        var done = await Post(new("newCode", "500153111"), new("reason", "核对统计用区划代码"), new("confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        await using (app.Scope(out var db))
        {
            Assert.False(await db.Regions.AnyAsync(r => r.Code == zhisheng));
            Assert.Equal("直升镇", (await db.Regions.SingleAsync(r => r.Code == "500153111")).Name);
        }
        // A town officer sees no such form and cannot post it.
        var officer = await app.ClientAs(Role.TownOfficer, "500153012");
        Assert.DoesNotContain("更正区划代码", await officer.GetStringAsync("/regions/500153012/edit"));
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex AntiforgeryToken();

    [Fact]
    public void Every_column_named_like_a_region_code_is_moved_by_a_code_change()
    {
        using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);
        var listed = ChangeRegionCode.References.Select(r => (r.Entity, r.Property)).ToHashSet();
        var named = db.Model.GetEntityTypes()
            .Where(t => !t.IsMappedToJson()) // the owner's key inside a JSON column is not a column of its own
            .SelectMany(t => t.GetProperties().Select(p => (Entity: t.ClrType, Property: p.Name)))
            .Where(p => p.Property.EndsWith("RegionCode", StringComparison.Ordinal) || p.Property.EndsWith("UnitCode", StringComparison.Ordinal)
                || p.Property.EndsWith("TownCode", StringComparison.Ordinal) || p.Property.EndsWith("RegionCodes", StringComparison.Ordinal)
                || p.Property == "ParentCode").ToList();
        Assert.NotEmpty(named);
        Assert.All(named, p => Assert.True(listed.Contains(p),
            $"{p.Entity.Name}.{p.Property} holds a region code but ChangeRegionCode.References does not list it"));
    }
}
