using ElderCare.Web.Data;
using Npgsql;

namespace ElderCare.Web.Infrastructure.Cluster;

/// <summary>
/// One node at a time runs the background passes (alarm and task clocks, the outbox), ADR 32. On PostgreSQL that is the
/// node holding a session-level advisory lock (<c>pg_try_advisory_lock</c>) on a connection of its own, outside the pool:
/// the server drops the lock with the connection, so when the leading node dies the next node to ask — every pass asks —
/// takes over within one pass interval. On SQLite the one node always leads.
/// </summary>
public sealed class Leadership(DatabaseOptions options, DatabaseFile database, ILogger<Leadership> logger) : IAsyncDisposable
{
    /// <summary>The lock's key: "ElderCar" in ASCII, so an operator recognises it in <c>pg_locks</c>.</summary>
    public const long LockKey = 0x456C646572436172;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private NpgsqlConnection? _connection;
    private bool _leading;

    /// <summary>Whether this node leads now; on PostgreSQL it tries to take the lock when free, and checks a held lock's
    /// connection is still alive (a lost connection lost the lock too).</summary>
    public async Task<bool> TryLeadAsync(CancellationToken ct)
    {
        if (options.Provider != DatabaseProvider.Postgres) return true;
        await _gate.WaitAsync(ct);
        try
        {
            _connection ??= new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString)
            {
                Pooling = false, // a pooled connection keeps its session, and with it the lock, after Close
                KeepAlive = 5,
            }.ConnectionString);
            if (_connection.State != System.Data.ConnectionState.Open) await _connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(_leading ? "SELECT true" : "SELECT pg_try_advisory_lock(@key)", _connection);
            command.Parameters.AddWithValue("key", LockKey);
            var leads = (bool)(await command.ExecuteScalarAsync(ct))!;
            if (leads && !_leading) logger.LogInformation("本节点开始执行后台任务（告警与任务计时、消息外发）");
            return _leading = leads;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            if (_leading) logger.LogWarning(e, "本节点与数据库的连接中断，停止执行后台任务，由其他节点接替");
            await DropAsync();
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Gives the lead up (the next node to ask takes it).</summary>
    public async Task StepDownAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await DropAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task DropAsync()
    {
        _leading = false;
        if (_connection is null) return;
        await _connection.DisposeAsync();
        _connection = null;
    }

    public async ValueTask DisposeAsync() => await StepDownAsync();
}
