using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Reports;

/// <summary>
/// One report with its values: a draft shows the records as of the quarter's end now; a submitted or locked report shows
/// its snapshot, beside the values recomputed now, listing what has changed since it was submitted.
/// </summary>
public static class GetReport
{
    public static async Task<Outcome<ReportResource>> Handle(Guid id, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var r = await db.QuarterlyReports.AsNoTracking().InScope(scope).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return Outcome<ReportResource>.NotFound(ReportQueries.NotFound);
        var form = await ReportFormDefaults.InForceAsync(r.FormYear, db, ct);
        var now = (await ReportFacts.ContentsAsync(r.Quarter, r.UnitCode, form, db, ct)).GetValueOrDefault(r.UnitCode)?.Values
            ?? new Dictionary<string, IndicatorValue>();
        var stored = ReportSnapshot.Parse(r.SnapshotJson).Values;
        var shown = r.Status == ReportStatus.Draft ? now : stored;
        var lines = form.Indicators.Select(i =>
        {
            var value = shown.GetValueOrDefault(i.Code);
            var live = now.GetValueOrDefault(i.Code);
            return new IndicatorLine(i.Code, i.Name, i.Unit, i.Definition, i.Policy, value, live, value != live);
        }).ToList();
        return new ReportResource(r.Id, r.UnitCode, r.UnitName, r.UnitKind, r.Quarter.Code, r.Quarter.Label, r.FormYear, form.Name,
            form.Confirmed, r.Status, r.Narrative, r.ReturnReason, lines, lines.Any(l => l.Changed), r.SnapshotHash, r.SubmittedAt,
            r.SubmittedBy, r.ApprovedAt, r.ApprovedBy,
            r.Transitions.Select(t => new TransitionResource(t.Act, t.Status, t.At, t.By, t.Reason)).ToList(), r.Version);
    }
}
