using Microsoft.Extensions.Configuration;
using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Tests.Audit;

/// <summary>等保 8.1.4.3 and 8.1.4.7 against the real database.</summary>
public class AuditTrailTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(int Code, string Out, string Err)> Command(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AdminCommands.RunAsync(app.Services, args, new StringReader(""), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Writes_and_exports_are_recorded_and_the_auditor_can_search_and_export_them()
    {
        await app.Staff.PostJson("/api/facilities", Make.Facility(name: "审计测试中心"));
        await app.Staff.GetAsync("/api/coverage/export.xlsx");
        var auditor = await app.ClientAs(Role.Auditor);
        var rows = (await (await auditor.GetAsync("/api/audit?pageSize=100")).ReadJson()).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("action").GetString() == "data.write"
            && r.GetProperty("target").GetString() == "POST /api/facilities"
                                   && r.GetProperty("outcome").GetString() == "success");
        Assert.Contains(rows, r => r.GetProperty("action").GetString() == "data.export");
        var export = await auditor.GetAsync("/api/audit/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await (await app.Staff.GetAsync("/api/audit")).AssertProblem(HttpStatusCode.Forbidden);
        await (await (await app.ClientAs(Role.DistrictAdmin)).GetAsync("/api/audit")).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Verify_passes_on_an_intact_chain_and_names_the_first_edited_entry()
    {
        await app.Staff.PostJson("/api/facilities", Make.Facility(name: "链一"));
        await app.Staff.PostJson("/api/facilities", Make.Facility(name: "链二"));
        var (ok, okOut, _) = await Command("audit", "verify");
        Assert.Equal(0, ok);
        Assert.Contains("审计日志完好", okOut);

        long target;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ElderCare.Web.Data.AppDbContext>();
            target = await db.AuditEntries.Where(e => e.Action == "data.write").OrderBy(e => e.Sequence).Select(e => e.Sequence).FirstAsync();
            // Someone with database access rewrites a failure as a success.
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AuditEntries\" SET \"UserName\" = 'someone-else' WHERE \"Sequence\" = {target}");
        }
        var (bad, _, err) = await Command("audit", "verify");
        Assert.Equal(1, bad);
        Assert.Contains($"第 {target} 条", err);
    }
}

public class AuditDeletionTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Removing_an_entry_is_detected()
    {
        await app.Staff.PostJson("/api/facilities", Make.Facility(name: "删一"));
        await app.Staff.PostJson("/api/facilities", Make.Facility(name: "删二"));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ElderCare.Web.Data.AppDbContext>();
        var last = await db.AuditEntries.MaxAsync(e => e.Sequence);
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {last}");
        var (broken, _) = await ElderCare.Web.Features.Audit.VerifyAudit.Handle(db, default);
        Assert.Equal(last, broken?.Sequence);
    }
}

/// <summary>Retention: at least 180 days, enforced by configuration; pruning removes a prefix, never inside the chain.</summary>
public class AuditRetentionTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Pruning_removes_only_entries_older_than_the_retention_from_the_start_and_the_rest_still_verifies()
    {
        await app.Staff.PostJson("/api/facilities", Make.Facility(name: "旧记录"));
        app.Clock.Advance(TimeSpan.FromDays(181));
        var staff = await app.ClientAs(Role.DistrictStaff);
        await staff.PostJson("/api/facilities", Make.Facility(name: "新记录"));
        var output = new StringWriter();
        Assert.Equal(0, await AdminCommands.RunAsync(app.Services, ["audit", "prune"], new StringReader(""), output, new StringWriter()));
        Assert.Contains("已删除", output.ToString());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ElderCare.Web.Data.AppDbContext>();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Target == "POST /api/facilities"
            && e.At < app.Clock.GetUtcNow().UtcDateTime.AddDays(-180)));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Target == "POST /api/facilities"));
        Assert.Null((await ElderCare.Web.Features.Audit.VerifyAudit.Handle(db, default)).Broken);
    }

    [Fact]
    public void A_retention_below_180_days_is_refused()
    {
        var config = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Audit:RetentionDays"] = "90" }).Build();
        Assert.Throws<InvalidOperationException>(() => { ElderCare.Web.Features.Audit.PruneAudit.RetentionDays(config); });
    }
}
