using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Reports;

/// <summary>The quarter's bulletin (通报) from its approved reports only (三、保障措施 "每季度通报工作进展情况").</summary>
public static class GetBulletin
{
    public static async Task<Outcome<BulletinResource>> Handle(string? quarter, AppDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var parsed = Quarter.Parse(quarter, "quarter", errors);
        if (errors.Any || parsed is not { } q) return Outcome<BulletinResource>.Invalid(errors);
        var reports = await db.QuarterlyReports.AsNoTracking().Where(r => r.Year == q.Year && r.QuarterNumber == q.Number)
            .OrderBy(r => r.UnitCode).Select(r => new { r.UnitCode, r.UnitName, r.UnitKind, r.Status, r.SnapshotJson }).ToListAsync(ct);
        var approved = reports.Where(r => r.Status == ReportStatus.Approved)
            .Select(r => new ApprovedReport(r.UnitCode, r.UnitName, r.UnitKind, ReportSnapshot.Parse(r.SnapshotJson).Values)).ToList();
        var form = await ReportFormDefaults.InForceAsync(q.Year, db, ct);
        var targets = await db.KpiTargets.AsNoTracking().ToListAsync(ct);
        var names = form.Indicators.ToDictionary(i => i.Code, i => (i.Name, i.Unit));
        var (progress, ranking, totals) = Bulletin.Build(approved, targets, q.End, names);
        return new BulletinResource(q.Code, q.Label, q.End, form.Name, form.Confirmed, reports.Count, approved.Count,
            reports.Where(r => r.Status != ReportStatus.Approved).Select(r => r.UnitName).ToList(), progress, ranking, totals, Bulletin.AmberMargin);
    }
}
