using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Reports;

/// <summary>
/// The street or town submits its report once the quarter has ended (三、保障措施 "每季度向区领导小组报送推进落实情况"):
/// the values are recomputed from the records as of the quarter's end and frozen with the narrative as the snapshot.
/// </summary>
public static class SubmitReport
{
    public static async Task<Outcome<ReportResource>> Handle(Guid id, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var r = await ReportQueries.FindAsync(id, user.Scope, db, ct);
        if (r is null) return Outcome<ReportResource>.NotFound(ReportQueries.NotFound);
        if (ReportCycle.CanSubmit(r.Status, r.Quarter, clock.Today()) is { } refused) return Outcome<ReportResource>.Conflict(refused);
        var form = await ReportFormDefaults.InForceAsync(r.FormYear, db, ct);
        var content = (await ReportFacts.ContentsAsync(r.Quarter, r.UnitCode, form, db, ct))[r.UnitCode];
        r.SnapshotJson = ReportSnapshot.Canonical(content with { Narrative = r.Narrative });
        var now = clock.UtcNow();
        (r.SubmittedAt, r.SubmittedBy, r.ReturnReason) = (now, user.UserName, null);
        ReportQueries.Step(r, "submit", ReportStatus.Submitted, user, now);
        return await ReportQueries.SaveAsync(r, user.Scope, db, clock, ct);
    }
}
