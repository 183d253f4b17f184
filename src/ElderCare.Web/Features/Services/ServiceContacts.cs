using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>
/// The elder's last verified visit (<see cref="Elders.Elder.LastVerifiedVisitAt"/>), kept in step with the orders: every act
/// that can change an order's verification saves through here, so the order and the elder's column commit together.
/// </summary>
public static class ServiceContacts
{
    /// <summary>Saves the changes and recomputes the elder's last verified visit from their orders, in one transaction.</summary>
    public static async Task SaveAsync(AppDbContext db, Guid elderId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await RecomputeAsync(db, db.Elders.Where(e => e.Id == elderId), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The latest verified visit's window start of each of <paramref name="elders"/> (null when none), from the orders.</summary>
    public static Task<int> RecomputeAsync(AppDbContext db, IQueryable<Elders.Elder> elders, CancellationToken ct)
    {
        var verified = db.ServiceOrders.Verified();
        return elders.ExecuteUpdateAsync(u => u.SetProperty(e => e.LastVerifiedVisitAt,
            e => verified.Where(o => o.ElderId == e.Id).Max(o => (DateTime?)o.WindowStart)), ct);
    }
}
