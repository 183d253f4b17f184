using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ElderCare.Web.Features.Audit;

/// <summary>What one audit entry says; its hash covers every field and the previous entry's hash.</summary>
public sealed record AuditFacts(long Sequence, DateTime At, string? UserName, string Action, string? Target, string Outcome, string? Address,
    string? Detail);

/// <summary>
/// 等保 2.0 8.1.4.3 / 8.1.4.7: an append-only log whose entries are hash-chained, so altering or removing any stored
/// entry breaks the chain from that entry on. Pure: hashing and verification without I/O.
/// </summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Hash(string previousHash, AuditFacts e)
    {
        var canonical = string.Join('\u001f',
            previousHash, e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), e.UserName ?? "", e.Action, e.Target ?? "",
            e.Outcome, e.Address ?? "", e.Detail ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public sealed record Broken(long Sequence, string Reason);

    /// <summary>The time as every store keeps it: PostgreSQL to the microsecond, so the hash is of that, not of the clock's
    /// 100-ns ticks (which a read-back no longer has).</summary>
    public static DateTime AsStored(DateTime at) => new(at.Ticks - at.Ticks % 10, at.Kind);

    /// <summary>
    /// Checks entries in sequence order: sequences contiguous from the first one kept (older ones may be archived),
    /// each previous-hash equal to the hash before it, and each stored hash equal to the recomputed one.
    /// </summary>
    public static Broken? Verify(IEnumerable<(AuditFacts Facts, string PreviousHash, string Hash)> entries, long? expectedLast = null)
    {
        long? last = null;
        string? previous = null;
        foreach (var (facts, prevHash, hash) in entries)
        {
            if (last is { } l && facts.Sequence != l + 1) return new(l + 1, $"第 {l + 1} 条记录缺失");
            if (previous is not null && prevHash != previous) return new(facts.Sequence, "与上一条记录的哈希不衔接");
            if (Hash(prevHash, facts) != hash) return new(facts.Sequence, "记录内容与哈希不符（已被修改）");
            last = facts.Sequence;
            previous = hash;
        }
        if (expectedLast is { } e && (last ?? 0) < e) return new((last ?? 0) + 1, $"最后 {e - (last ?? 0)} 条记录缺失");
        return null;
    }
}
