using System.Collections.Concurrent;
using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Alarms;

/// <summary>
/// Group commit for alarm inserts on SQLite (ADR 11). SQLite has one writer at a time; concurrent write transactions
/// meet SQLITE_BUSY and Microsoft.Data.Sqlite retries them after sleeping, which put 150 ms steps into the intake's
/// tail, and each commit pays its own WAL fsync (synchronous=FULL). So alarm inserts queue here, in process: whoever
/// holds the writer takes every alarm waiting in the queue (up to <see cref="MaxBatch"/>) and writes them in ONE
/// transaction — one fsync — and each request is answered only after that shared commit.
/// <para>
/// A failed batch rolls back whole, so nothing of it is stored; it is then written one alarm per transaction, so a
/// unique violation (a concurrent replay of the same idempotency key, perhaps in the same batch) fails only that alarm,
/// whose request re-reads and replays the winner, and every other alarm is stored exactly once. An error that is not
/// the alarm's own (database gone) fails each request: nothing acknowledged, the client retries with the same key.
/// </para>
/// PostgreSQL needs no gate: concurrent transactions there do not sleep-retry.
/// </summary>
public sealed class AlarmWriteGate(IServiceScopeFactory scopes, DatabaseWatch watch, ILogger<AlarmWriteGate> log)
{
    /// <summary>Bounds one transaction (and so the wait of the first alarm in it) under a burst.</summary>
    public const int MaxBatch = 256;

    private readonly ConcurrentQueue<Pending> _queue = new();
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>One alarm with its outbox rows; completed after the commit that stored it (or with its error).</summary>
    public sealed class Pending(Alarm alarm, IReadOnlyList<AlarmNotification> notifications)
    {
        public Alarm Alarm { get; } = alarm;
        public IReadOnlyList<AlarmNotification> Notifications { get; } = notifications;
        public IReadOnlyList<Outbound.OutboxMessage> Outbound { get; init; } = []; // outbound: webhook rows (ADR 29)
        internal TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Task Stored => Done.Task;
    }

    /// <summary>
    /// Stores the alarm and its notifications; returns once committed to the database the app started with. Throws
    /// DbUpdateException on a duplicate key, and DatabaseMissingException (503) when the commit went to a file deleted or
    /// replaced meanwhile (ADR 16) — that alarm is not acknowledged, and its retry lands once the database is back.
    /// </summary>
    public async Task SaveAsync(AppDbContext db, Alarm alarm, IReadOnlyList<AlarmNotification> notifications, CancellationToken ct,
        IReadOnlyList<Outbound.OutboxMessage>? outbound = null) // outbound: the alarm's webhook rows in the same commit (ADR 29)
    {
        await SaveCoreAsync(db, alarm, notifications, outbound ?? [], ct);
        await watch.EnsureFileAsync();
    }

    private async Task SaveCoreAsync(AppDbContext db, Alarm alarm, IReadOnlyList<AlarmNotification> notifications,
        IReadOnlyList<Outbound.OutboxMessage> outbound, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            db.Alarms.Add(alarm);
            db.AlarmNotifications.AddRange(notifications);
            db.Outbox.AddRange(outbound); // outbound (ADR 29)
            await db.SaveChangesAsync(ct);
            return;
        }
        var pending = new Pending(alarm, notifications) { Outbound = outbound }; // outbound (ADR 29)
        _queue.Enqueue(pending);
        // Not the request's token from here: once queued the alarm may be in another request's batch, and a batch must
        // not be cut short because one client hung up. A client that left finds its alarm by replaying the key.
        while (!pending.Stored.IsCompleted)
        {
            await _writer.WaitAsync(CancellationToken.None);
            try
            {
                if (pending.Stored.IsCompleted) break;
                var batch = new List<Pending>();
                while (batch.Count < MaxBatch && _queue.TryDequeue(out var next)) batch.Add(next);
                await WriteAsync(batch, CancellationToken.None);
            }
            finally
            {
                _writer.Release();
            }
        }
        await pending.Stored;
    }

    /// <summary>Writes a batch in one transaction, falling back to one transaction per alarm if it fails; completes every item.</summary>
    internal async Task WriteAsync(IReadOnlyList<Pending> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        try
        {
            foreach (var p in batch) Track(db, p);
            await db.SaveChangesAsync(ct); // one transaction, one commit
            foreach (var p in batch) p.Done.TrySetResult();
            return;
        }
        catch (Exception e) when (batch.Count > 1 && e is DbUpdateException)
        {
            log.LogInformation("Alarm batch of {Count} refused ({Error}); writing one by one", batch.Count, e.InnerException?.Message ?? e.Message);
        }
        catch (Exception e)
        {
            foreach (var p in batch) p.Done.TrySetException(e);
            return;
        }
        foreach (var p in batch)
        {
            db.ChangeTracker.Clear();
            try
            {
                Track(db, p);
                await db.SaveChangesAsync(ct);
                p.Done.TrySetResult();
            }
            catch (Exception e)
            {
                p.Done.TrySetException(e);
            }
        }
    }

    private static void Track(AppDbContext db, Pending p)
    {
        db.Alarms.Add(p.Alarm);
        db.AlarmNotifications.AddRange(p.Notifications);
        db.Outbox.AddRange(p.Outbound); // outbound (ADR 29)
    }
}
