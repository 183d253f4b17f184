using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ElderCare.Tests.Cluster;

/// <summary>
/// ADR 32: reports, dashboards and exports read through <c>ConnectionStrings:Reports</c> when it is set (a streaming
/// replica in production). Here it is a read-only session on the test database under its own application name: every
/// reading path must work on it (a write there fails), and the server must see that connection used.
/// </summary>
public sealed class ReadReplicaTests : IAsyncLifetime
{
    private const string ReportsApplication = "eldercare-reports";
    private readonly AppFactory _app = new();

    public async ValueTask InitializeAsync()
    {
        if (AppFactory.OnPostgres)
            _app.Settings["ConnectionStrings:Reports"] = new NpgsqlConnectionStringBuilder(_app.ConnectionString)
            {
                ApplicationName = ReportsApplication, Options = "-c default_transaction_read_only=on",
            }.ToString();
        await _app.InitializeAsync();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void Without_a_replica_the_reports_context_is_the_requests_own()
    {
        using var scope = _app.Services.CreateScope();
        var reports = scope.ServiceProvider.GetRequiredKeyedService<AppDbContext>(ReadReplica.Key);
        if (AppFactory.OnPostgres) Assert.NotSame(scope.ServiceProvider.GetRequiredService<AppDbContext>(), reports);
        else Assert.Same(scope.ServiceProvider.GetRequiredService<AppDbContext>(), reports);
    }

    [Fact]
    public async Task Coverage_kpis_the_dashboard_and_exports_read_through_the_read_only_reports_connection()
    {
        Assert.SkipUnless(AppFactory.OnPostgres, "a PostgreSQL session of its own");
        var ct = TestContext.Current.CancellationToken;
        var staff = await _app.ClientAs(Role.DistrictStaff);
        foreach (var url in new[] { "/api/coverage", "/api/kpis", "/api/coverage/export.xlsx", "/", "/elders?handler=export",
                     "/facilities?handler=export", "/api/plan/export.xlsx" })
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(url, ct)).StatusCode);
        var auditor = await _app.ClientAs(Role.Auditor);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/audit/export.xlsx", ct)).StatusCode);

        await using var conn = new NpgsqlConnection(_app.ConnectionString);
        await conn.OpenAsync(ct);
        await using var used = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name", conn);
        used.Parameters.AddWithValue("name", ReportsApplication);
        Assert.True((long)(await used.ExecuteScalarAsync(ct))! > 0, "the reports connection was never opened");

        // Not a replica: no lag to show, so the dashboard says nothing about one.
        using var scope = _app.Services.CreateScope();
        Assert.Null(await ReadReplica.LagSecondsAsync(scope.ServiceProvider.GetRequiredKeyedService<AppDbContext>(ReadReplica.Key), ct));
    }
}
