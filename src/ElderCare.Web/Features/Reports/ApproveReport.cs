using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Reports;

/// <summary>
/// The district approves a submitted report and locks it (DHIS2's approval and lock): the snapshot as submitted is kept
/// and its SHA-256 recorded now; later edits of the records never change it (<see cref="CheckReportSnapshot"/> verifies).
/// </summary>
public static class ApproveReport
{
    public static async Task<Outcome<ReportResource>> Handle(Guid id, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var r = await ReportQueries.FindAsync(id, user.Scope, db, ct);
        if (r is null) return Outcome<ReportResource>.NotFound(ReportQueries.NotFound);
        if (ReportCycle.CanApprove(r.Status) is { } refused) return Outcome<ReportResource>.Conflict(refused);
        var now = clock.UtcNow();
        (r.SnapshotHash, r.ApprovedAt, r.ApprovedBy) = (ReportSnapshot.Hash(r.SnapshotJson), now, user.UserName);
        ReportQueries.Step(r, "approve", ReportStatus.Approved, user, now);
        await Outbound.DomainEvents.ReportApprovedAsync(db, r, now, ct); // outbound: report.approved (ADR 29)
        return await ReportQueries.SaveAsync(r, user.Scope, db, clock, ct);
    }
}
