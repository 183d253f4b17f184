using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Reports;

/// <summary>
/// Recomputes the SHA-256 of a report's stored snapshot and compares it with the hash recorded at lock time; also checks
/// the stored text is in canonical form. Changes nothing.
/// </summary>
public static class CheckReportSnapshot
{
    public static async Task<Outcome<SnapshotCheck>> Handle(Guid id, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var r = await db.QuarterlyReports.AsNoTracking().InScope(scope).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return Outcome<SnapshotCheck>.NotFound(ReportQueries.NotFound);
        return Check(r.Id, r.Status == ReportStatus.Approved, r.SnapshotJson, r.SnapshotHash);
    }

    /// <summary>The verdict (pure): matches only when locked, canonical and the recomputed hash equals the recorded one.</summary>
    public static SnapshotCheck Check(Guid id, bool locked, string snapshotJson, string? recordedHash)
    {
        var computed = ReportSnapshot.Hash(snapshotJson);
        bool canonical;
        try
        {
            canonical = ReportSnapshot.Canonical(ReportSnapshot.Parse(snapshotJson)) == snapshotJson;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            canonical = false;
        }
        if (!locked) return new SnapshotCheck(id, false, recordedHash, computed, canonical, null, "该季报尚未审定锁定，没有锁定时记录的哈希。");
        var matches = canonical && string.Equals(computed, recordedHash, StringComparison.Ordinal);
        return new SnapshotCheck(id, true, recordedHash, computed, canonical, matches, matches
            ? "快照完好：重新计算的 SHA-256 与锁定时记录的一致。"
            : "快照已被改动：重新计算的 SHA-256 与锁定时记录的不一致，请报告区民政局核查。");
    }
}
