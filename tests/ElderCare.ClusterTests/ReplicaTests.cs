using ElderCare.ClusterTests.Infrastructure;
using Npgsql;

namespace ElderCare.ClusterTests;

/// <summary>The replica of the local cluster is a streaming standby of the primary.</summary>
public sealed class ReplicaTests
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

    private static async Task<object?> Scalar(NpgsqlConnection c, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, c);
        return await command.ExecuteScalarAsync(ct);
    }
}
