using System.Net;
using ElderCare.ClusterTests.Infrastructure;
using Npgsql;

namespace ElderCare.ClusterTests;

/// <summary>The replica of the local cluster is a streaming standby of the primary, and the nodes read reports from it.</summary>
public sealed class ReplicaTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_replica_is_in_recovery_streams_from_the_primary_and_has_its_rows()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var replica = new NpgsqlConnection(LocalCluster.Replica);
        await replica.OpenAsync(ct);
        Assert.True((bool)(await Scalar(replica, "SELECT pg_is_in_recovery()", ct))!);

        await using var primary = new NpgsqlConnection(LocalCluster.Primary);
        await primary.OpenAsync(ct);
        Assert.Equal(1L, await Scalar(primary, "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'", ct));
        var devices = (long)(await Scalar(primary, "SELECT count(*) FROM \"Devices\"", ct))!;
        long onReplica = -1;
        for (var i = 0; i < 50 && onReplica != devices; i++, await Task.Delay(100, ct))
            onReplica = (long)(await Scalar(replica, "SELECT count(*) FROM \"Devices\"", ct))!;
        Assert.Equal(devices, onReplica);
    }

    [Fact]
    public async Task Each_node_reads_coverage_and_kpis_from_the_replica_and_the_dashboard_says_so()
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var port in LocalCluster.Nodes)
        {
            using var client = fixture.SignedInClient(port);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/kpis", ct)).StatusCode);
        }
        await using var replica = new NpgsqlConnection(LocalCluster.Replica);
        await replica.OpenAsync(ct);
        foreach (var port in LocalCluster.Nodes)
            Assert.True((long)(await Scalar(replica, $"SELECT count(*) FROM pg_stat_activity WHERE application_name = 'eldercare-reports-{port}'",
                ct))! > 0, $"node {port} never read from the replica");

        var cookie = await ClusterFixture.SignInAsync(5401, ct);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
            { BaseAddress = new Uri(LocalCluster.NodeUrl(5401)) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        var dashboard = await browser.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("本页数据来自只读副本", await dashboard.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task The_restore_drill_restores_a_whole_copy_of_the_cluster_database() => await fixture.Cluster.DrillAsync();

    private static async Task<object?> Scalar(NpgsqlConnection c, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, c);
        return await command.ExecuteScalarAsync(ct);
    }
}
