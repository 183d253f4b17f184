using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Audit;

public static class VerifyAudit
{
    /// <summary>Walks the whole stored chain in order; null when intact, else the first bad entry.</summary>
    public static async Task<(AuditChain.Broken? Broken, long Checked)> Handle(AppDbContext db, CancellationToken ct)
    {
        var head = await db.AuditHeads.AsNoTracking().FirstOrDefaultAsync(h => h.Id == 1, ct);
        var entries = db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        var list = new List<(AuditFacts, string, string)>();
        await foreach (var e in entries.WithCancellation(ct)) list.Add((e.Facts, e.PreviousHash, e.Hash));
        var broken = AuditChain.Verify(list, head?.LastSequence);
        if (broken is null && head is not null && list.Count > 0 && list[^1].Item3 != head.LastHash)
            broken = new AuditChain.Broken(head.LastSequence, "链头记录与最后一条记录的哈希不符");
        return (broken, list.Count);
    }
}
