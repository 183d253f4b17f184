using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Data;

/// <summary>
/// Remembers once the database is migrated, so /health and the alarm clock cost one query only until then. One per
/// host (a singleton, ADR 25), not per process: two hosts in one process — tests, a command beside the app — each ask
/// their own database.
/// </summary>
public sealed class DatabaseState
{
    private volatile bool _ready;

    public async Task<bool> IsReadyAsync(AppDbContext db, CancellationToken ct)
    {
        if (_ready) return true;
        try
        {
            _ready = await db.Database.CanConnectAsync(ct) && !(await db.Database.GetPendingMigrationsAsync(ct)).Any();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            return false;
        }
        return _ready;
    }
}
