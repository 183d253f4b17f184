using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Audit;

/// <summary>
/// Retention (网络安全法 第21条: at least 180 days). Entries older than <c>Audit:RetentionDays</c> may be removed only
/// from the start of the chain — never from inside it — so what stays still verifies from its first entry on.
/// Export the range first (<c>/api/audit/export.xlsx</c>) where it must be archived.
/// </summary>
public static class PruneAudit
{
    public const int MinimumRetentionDays = 180;

    public static int RetentionDays(IConfiguration config)
    {
        var days = config.GetValue("Audit:RetentionDays", MinimumRetentionDays);
        if (days < MinimumRetentionDays)
            throw new InvalidOperationException($"Audit:RetentionDays 不能少于 {MinimumRetentionDays} 天（网络安全法第二十一条），当前为 {days}。");
        return days;
    }

    public static async Task<int> Handle(int retentionDays, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var cutoff = clock.UtcNow().AddDays(-retentionDays);
        // The newest entry to go: everything up to it is a prefix of the chain, and the head is never removed.
        var last = await db.AuditEntries.Where(e => e.At < cutoff).MaxAsync(e => (long?)e.Sequence, ct);
        var head = await db.AuditHeads.Where(h => h.Id == 1).Select(h => (long?)h.LastSequence).FirstOrDefaultAsync(ct);
        if (last is null || head is null) return 0;
        return await db.AuditEntries.Where(e => e.Sequence <= Math.Min(last.Value, head.Value - 1)).ExecuteDeleteAsync(ct);
    }
}
