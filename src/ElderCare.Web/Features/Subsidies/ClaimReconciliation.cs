namespace ElderCare.Web.Features.Subsidies;

/// <summary>
/// Nothing paid twice, never an edit (三(二)(三)): for each entitlement the ledger holds at most one standing line
/// (a claim not reversed). Due and not claimed → a new line. Claimed on the same basis → nothing. Claimed on another
/// basis (a grade, a month count, a rate changed) → a reversal of the standing line (its amount negated) plus a new
/// line. A yearly or monthly amount (operating subsidy, placement fee) no longer due → a reversal alone; a one-off
/// award once claimed is not withdrawn by a later year's computation.
/// </summary>
public static class ClaimReconciliation
{
    public sealed record NewLine(Entitlement? Due, LedgerLine? Reverses, int Revision, long AmountFen);

    public static LedgerLine? Standing(IEnumerable<LedgerLine> lines)
    {
        var list = lines.ToList();
        var reversed = list.Where(l => l.ReversalOf is not null).Select(l => l.ReversalOf!.Value).ToHashSet();
        return list.Where(l => l.ReversalOf is null && !reversed.Contains(l.Id)).MaxBy(l => l.Revision);
    }

    /// <param name="due">What is due now.</param>
    /// <param name="existing">The ledger lines of the entitlements concerned (any key).</param>
    /// <param name="withdrawable">Keys computed by this run whose absence from <paramref name="due"/> means no longer due.</param>
    public static IReadOnlyList<NewLine> Plan(IReadOnlyList<Entitlement> due, IReadOnlyList<LedgerLine> existing, ISet<string> withdrawable)
    {
        var byKey = existing.GroupBy(l => l.Key).ToDictionary(g => g.Key, g => g.ToList());
        var result = new List<NewLine>();
        foreach (var d in due)
        {
            var lines = byKey.GetValueOrDefault(d.Key) ?? [];
            var revision = lines.Count == 0 ? 1 : lines.Max(l => l.Revision) + 1;
            var standing = Standing(lines);
            if (standing is not null && standing.Basis == d.Basis) continue;
            if (standing is not null) result.Add(new(null, standing, revision++, -standing.AmountFen));
            result.Add(new(d, null, revision, d.AmountFen));
        }
        var dueKeys = due.Select(d => d.Key).ToHashSet();
        foreach (var (key, lines) in byKey.Where(k => withdrawable.Contains(k.Key) && !dueKeys.Contains(k.Key)))
            if (Standing(lines) is { } standing)
                result.Add(new(null, standing, lines.Max(l => l.Revision) + 1, -standing.AmountFen));
        return result;
    }
}
