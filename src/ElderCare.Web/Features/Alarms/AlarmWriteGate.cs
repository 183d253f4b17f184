using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Alarms;

/// <summary>
/// SQLite has one writer at a time; concurrent write transactions meet SQLITE_BUSY and Microsoft.Data.Sqlite retries
/// them after sleeping, which put 150 ms steps into the intake's tail (bench/RESULTS.md). Alarm inserts therefore queue
/// here, in process, and reach SQLite one after another. PostgreSQL needs no gate.
/// </summary>
public sealed class AlarmWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task SaveAsync(AppDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        await _gate.WaitAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }
}
