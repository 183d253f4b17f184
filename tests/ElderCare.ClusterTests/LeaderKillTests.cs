using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ElderCare.ClusterTests.Infrastructure;
using ElderCare.Web.Infrastructure.Cluster;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ElderCare.ClusterTests;

/// <summary>
/// The leading node dies (ADR 32): the node holding the advisory lock is SIGKILLed just after an alarm is raised; the
/// other node takes the lead and escalates the unanswered alarm once, when its acknowledge window has passed.
/// </summary>
public sealed class LeaderKillTests(ClusterFixture fixture)
{
    [Fact]
    public async Task When_the_leader_is_killed_the_other_node_escalates_an_unanswered_alarm_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var leader = await WaitForLeaderAsync(null, ct);
        var survivor = LocalCluster.Nodes.Single(p => p != leader);
        var (hub, heard) = await fixture.ConsoleAsync(survivor, ct);
        await using var _ = hub;
        Guid id;
        try
        {
            using var node = LocalCluster.Client(LocalCluster.NodeUrl(survivor));
            var raised = await node.SendAsync(ClusterFixture.Alarm(fixture.Devices[1], "leader-" + Guid.NewGuid().ToString("N"),
                fixture.Clock.GetUtcNow()), ct);
            Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
            id = (await raised.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
            fixture.Cluster.Kill(leader); // within a second of raising, well before the 4 s window ends

            Assert.Equal(survivor, await WaitForLeaderAsync(survivor, ct));
            var escalatedAt = await WaitForEscalationAsync(id, ct);
            Assert.NotNull(escalatedAt);
            await Task.Delay(3000, ct); // three more passes of the clock
            var alarm = await Row(id, ct);
            Assert.Equal(escalatedAt, alarm.EscalatedToDistrictAt);
            Assert.Equal(2, alarm.Version); // raised, escalated once
            Assert.Null(alarm.AcknowledgedAt);
            Assert.True(alarm.EscalatedToDistrictAt >= alarm.RaisedAt.AddSeconds(ClusterFixture.AcknowledgeSeconds));
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"leader {leader} killed; {survivor} escalated {(alarm.EscalatedToDistrictAt - alarm.RaisedAt)?.TotalSeconds:0.0} s after raising");
        }
        finally
        {
            await fixture.Cluster.StartNodeAsync(leader);
        }
        await Task.Delay(2000, ct); // the old leader is back: it must not escalate again
        Assert.Equal(2, (await Row(id, ct)).Version);
        lock (heard) Assert.Single(heard, s => s.GetProperty("id").GetGuid() == id && s.GetProperty("change").GetString() == "escalated-district");
    }

    private static async Task<ElderCare.Web.Features.Alarms.Alarm> Row(Guid id, CancellationToken ct)
    {
        await using var db = LocalCluster.Db();
        return await db.Alarms.AsNoTracking().SingleAsync(a => a.Id == id, ct);
    }

    private static async Task<DateTime?> WaitForEscalationAsync(Guid id, CancellationToken ct)
    {
        for (var i = 0; i < 150; i++, await Task.Delay(100, ct))
            if ((await Row(id, ct)).EscalatedToDistrictAt is { } at) return at;
        return null;
    }

    /// <summary>The port of the node holding the leading lock (its application_name is eldercare-PORT, deploy/cluster.sh);
    /// waits up to 15 s for one, or for <paramref name="expected"/>.</summary>
    private static async Task<int> WaitForLeaderAsync(int? expected, CancellationToken ct)
    {
        await using var c = new NpgsqlConnection(LocalCluster.Primary);
        await c.OpenAsync(ct);
        int? leader = null;
        for (var i = 0; i < 150 && (leader is null || (expected is not null && leader != expected)); i++)
        {
            if (i > 0) await Task.Delay(100, ct);
            await using var query = new NpgsqlCommand("""
                SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.objid::bigint = @low AND l.classid::bigint = @high
                  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """, c);
            query.Parameters.AddWithValue("low", Leadership.LockKey & 0xFFFFFFFF);
            query.Parameters.AddWithValue("high", Leadership.LockKey >> 32);
            leader = await query.ExecuteScalarAsync(ct) is string name && name.StartsWith("eldercare-", StringComparison.Ordinal)
                ? int.Parse(name["eldercare-".Length..], System.Globalization.CultureInfo.InvariantCulture) : null;
        }
        return leader ?? throw new InvalidOperationException("no node holds the leading lock");
    }
}
