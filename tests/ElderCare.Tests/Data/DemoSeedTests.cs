using System.Net;
using System.Text.Json;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Data.Seed;
using ElderCare.Web.Features.Alarms;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Meals;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Tests.Data;

/// <summary>A fresh database filled once by <c>seed --demo</c> (ADR 22).</summary>
public sealed class DemoDatabase : IAsyncLifetime
{
    public AppFactory App { get; } = new();
    public (int Code, string Out, string Err) Result { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        Result = await DemoSeedTests.SeedDemo(App);
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

public class DemoSeedTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private AppFactory App => demo.App;

    internal static async Task<(int Code, string Out, string Err)> SeedDemo(AppFactory app)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AdminCommands.RunAsync(app.Services, ["seed", "--demo"], new StringReader(""), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task 附件2附件3_演示库有65个社区92个行政村_现有35个社区站和60个互助点_规划全部建成()
    {
        Assert.True(demo.Result.Code == 0, demo.Result.Err);
        Assert.Contains("演示数据已载入", demo.Result.Out);
        await using var scope = App.Scope(out var db);
        Assert.Equal(65, await db.Regions.CountAsync(r => r.Kind == RegionKind.Community));
        Assert.Equal(92, await db.Regions.CountAsync(r => r.Kind == RegionKind.Village));
        var facilities = await db.Facilities.AsNoTracking().ToListAsync();
        Assert.Equal(178, facilities.Count);
        Assert.Equal(6, facilities.Count(f => f.Type == FacilityType.StreetCenter));
        Assert.Equal(15, facilities.Count(f => f.Type == FacilityType.TownCenter));
        Assert.Equal(65, facilities.Count(f => f.Type == FacilityType.CommunityStation));
        Assert.Equal(92, facilities.Count(f => f.Type == FacilityType.VillagePoint));
        // "现有" = running before the plan's first year (2019); the plan's years follow the 合计 rows.
        var existing = new DateOnly(2019, 1, 1);
        Assert.Equal(35, facilities.Count(f => f.Type == FacilityType.CommunityStation && f.OpenedOn < existing));
        Assert.Equal(60, facilities.Count(f => f.Type == FacilityType.VillagePoint && f.OpenedOn < existing));
        int[] Built(int year) => [.. new[] { FacilityType.StreetCenter, FacilityType.CommunityStation, FacilityType.TownCenter,
            FacilityType.VillagePoint }
            .Select(t => facilities.Count(f => f.Type == t && f.OpenedOn!.Value.Year == year))];
        Assert.Equal([2, 12, 2, 8], Built(2019));
        Assert.Equal([4, 18, 5, 8], Built(2020));
        Assert.Equal([0, 0, 4, 8], Built(2021));
        Assert.Equal([0, 0, 4, 8], Built(2022));
        Assert.All(facilities, f =>
        {
            Assert.EndsWith(DemoSeed.Mark, f.Name);
            Assert.InRange(f.Latitude!.Value, 29.3, 29.6);
            Assert.InRange(f.Longitude!.Value, 105.4, 105.7);
        });
        // Most meet Attachment 1, a few do not.
        var standards = await db.ConstructionStandards.AsNoTracking().ToListAsync();
        var failing = facilities.Count(f => !Compliance.Check(f, standards.Where(s => s.Type == f.Type).MaxBy(s => s.EffectiveFrom)!).Compliant);
        Assert.InRange(failing, 2, 10);
    }

    [Fact]
    public async Task 演示老年人_身份证号符合GB11643_加密保存_名称带演示标记_多数有GBT42195评估()
    {
        await using var scope = App.Scope(out var db);
        var protector = scope.ServiceProvider.GetRequiredService<FieldProtector>();
        var today = App.Clock.Today();
        var elders = await db.Elders.AsNoTracking().ToListAsync();
        Assert.InRange(elders.Count, 2500, 5000);
        Assert.All(elders, e =>
        {
            Assert.EndsWith(DemoSeed.Mark, e.Name);
            var id = protector.Unprotect(e.IdNumberProtected);
            Assert.NotEqual(id, e.IdNumberProtected); // encrypted at rest
            var parsed = IdNumber.Parse(id, today);
            Assert.True(parsed.IsValid, parsed.Error);
            Assert.Equal(e.BirthDate, parsed.BirthDate);
            Assert.True(IdNumber.Age(e.BirthDate, today) >= 60);
        });
        var assessments = await db.Assessments.AsNoTracking().ToListAsync();
        Assert.True(assessments.Count > elders.Count / 2);
        Assert.All(assessments.Take(200), a =>
        {
            var items = JsonSerializer.Deserialize<Dictionary<string, int>>(protector.Unprotect(a.ItemsProtected)!)!;
            var score = ElderCare.Web.Features.Assessments.CapabilityAssessment.Score(items, a.Coma, a.DiagnosedMentalDisorder, a.RiskEvents30d);
            Assert.Equal((a.Total, a.Level), (score.Total, score.Level));
        });
        Assert.Equal(Enumerable.Range(0, 5), assessments.Select(a => a.Level).Distinct().Order());
    }

    [Fact]
    public async Task 演示服务_一个月内有已核验的上门服务_助餐和一年的紧急呼叫()
    {
        await using var scope = App.Scope(out var db);
        var today = App.Clock.Today();
        var monthAgo = ServiceTime.Utc(today.AddDays(-31).ToDateTime(TimeOnly.MinValue));
        Assert.True(await db.ServiceProviders.CountAsync() >= 21);
        Assert.True(await db.Workers.CountAsync() >= 100);
        var orders = await db.ServiceOrders.AsNoTracking().ToListAsync();
        Assert.True(orders.Count(o => o.Verification == Verification.Verified) > 2000);
        Assert.All(orders, o => Assert.True(o.WindowStart >= monthAgo));
        Assert.All(orders.Where(o => o.Status == OrderStatus.Completed), o => Assert.True(o.CheckOutAt <= App.Clock.GetUtcNow().UtcDateTime));
        Assert.True(await db.Kitchens.CountAsync() > 0 && await db.DiningPoints.CountAsync() > 0);
        Assert.True(await db.Menus.CountAsync(m => m.Date == today) > 0);
        Assert.True(await db.MealOrders.CountAsync(m => m.Status == MealOrderStatus.Served || m.Status == MealOrderStatus.Delivered) > 1000);
        var alarms = await db.Alarms.AsNoTracking().ToListAsync();
        Assert.True(alarms.Count > 300);
        Assert.All(alarms, a => Assert.Equal(AlarmStatus.Resolved, a.Status));
        Assert.Equal(12, alarms.Select(a => ServiceTime.Month(a.RaisedAt)).Distinct().Count());
    }

    [Fact]
    public async Task 首页概览_演示库_显示演示数据横幅且关键指标不为零()
    {
        var html = await App.Staff.GetStringAsync("/");
        Assert.Contains("demo-banner", html);
        Assert.Contains("演示数据", html);
        var kpis = await (await App.Staff.GetAsync("/api/kpis")).ReadJson();
        foreach (var kpi in kpis.EnumerateArray())
            Assert.True(kpi.GetProperty("value").ValueKind == JsonValueKind.Number && kpi.GetProperty("value").GetDouble() > 0,
                $"{kpi.GetProperty("name")} has no value");
        var statistics = await (await App.Staff.GetAsync("/api/elders/statistics")).ReadJson();
        Assert.True(statistics.GetProperty("totals").GetProperty("total").GetInt32() > 2500);
    }

    [Fact]
    public async Task 再次执行seed_demo_拒绝且不重复载入()
    {
        int before;
        await using (App.Scope(out var db)) before = await db.Elders.CountAsync();
        var (code, _, error) = await SeedDemo(App);
        Assert.Equal(1, code);
        Assert.Contains("已载入演示数据", error);
        await using (App.Scope(out var db)) Assert.Equal(before, await db.Elders.CountAsync());
    }

    [Fact]
    public async Task 同一日期两次生成_数据相同()
    {
        await using var other = new AppFactory();
        await other.InitializeAsync();
        var (code, _, error) = await SeedDemo(other);
        Assert.True(code == 0, error);
        Assert.Equal(await Fingerprint(App), await Fingerprint(other));
    }

    /// <summary>Everything but generated ids, timestamps of the run and ciphertexts (AES-GCM uses a fresh nonce).</summary>
    private static async Task<string> Fingerprint(AppFactory app)
    {
        await using var scope = app.Scope(out var db);
        var protector = scope.ServiceProvider.GetRequiredService<FieldProtector>();
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Code).Select(r => r.Code + r.Name + r.CommunityCount).ToListAsync();
        var facilities = (await db.Facilities.AsNoTracking().ToListAsync())
            .Select(f => $"{f.Name}|{f.Type}|{f.RegionCode}|{f.OpenedOn}|{f.FloorArea}|{f.Latitude}|{f.Longitude}|{f.Beds.Total}|{f.OperationMode}")
                .Order();
        var elders = (await db.Elders.AsNoTracking().ToListAsync())
            .Select(e => $"{e.Name}|{protector.Unprotect(e.IdNumberProtected)}|{e.RegionCode}|" +
                $"{e.LivingArrangement}|{e.CurrentLevel}|{e.LastAssessedOn}").Order();
        var orders = await db.ServiceOrders.AsNoTracking()
            .Select(o => new { o.ItemCode, o.WindowStart, o.Status, o.Verification, o.PriceFen, o.SubsidyFen }).ToListAsync();
        var meals = await db.MealOrders.AsNoTracking().Select(m => new { m.Date, m.SetCode, m.SubsidyFen, m.Status }).ToListAsync();
        var alarms = await db.Alarms.AsNoTracking().Select(a => new { a.RaisedAt, a.Kind, a.AcknowledgedAt, a.Outcome }).ToListAsync();
        return string.Join("\n", regions.Concat(facilities).Concat(elders)
            .Concat(orders.Select(o => o.ToString()).Order()).Concat(meals.Select(m => m.ToString()).Order())
            .Concat(alarms.Select(a => a.ToString()).Order()));
    }
}

/// <summary>Demo data never mixes with real data.</summary>
public class DemoSeedRefusalTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task 已有实际数据的数据库_拒绝载入演示数据_退出码1_中英文说明_不写入任何数据()
    {
        var created = await app.Staff.PostJson("/api/facilities", new
        {
            name = "昌元街道实际社区站", type = "community-station", regionCode = Make.Changyuan, operationMode = "public-private",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var (code, _, error) = await DemoSeedTests.SeedDemo(app);

        Assert.Equal(1, code);
        Assert.Contains("已有实际数据", error);
        Assert.Contains("设施 1 条", error);
        Assert.Contains("real records", error);
        await using var scope = app.Scope(out var db);
        Assert.Equal(0, await db.Elders.CountAsync());
        Assert.Equal(0, await db.Regions.CountAsync(r => r.Kind == RegionKind.Community || r.Kind == RegionKind.Village));
        Assert.False(await DemoSeed.IsDemoAsync(db));
        Assert.DoesNotContain("demo-banner", await app.Staff.GetStringAsync("/"));
    }
}
