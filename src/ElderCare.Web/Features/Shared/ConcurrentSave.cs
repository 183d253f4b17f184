using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Shared;

/// <summary>
/// Saving a change that may lose a race: a concurrent change of the same row (its Version token) or a duplicate key
/// comes back as <c>false</c>, and the caller answers with its own conflict (409), never a 500.
/// </summary>
public static class ConcurrentSave
{
    public static async Task<bool> SavedAsync(this AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }
}
