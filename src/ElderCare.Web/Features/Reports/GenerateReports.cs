using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Reports;

/// <summary>
/// The district opens a quarter's reports (三、保障措施 "每季度向区领导小组报送"): one draft per street or town in scope with
/// the values computed from the records as of the quarter's end under the form in force; drafts already there get fresh
/// values (their narrative kept), submitted and locked ones are left alone. Run again, it creates nothing twice.
/// </summary>
public static class GenerateReports
{
    public sealed record Input(string? Quarter);

    public sealed record Result(string Quarter, int FormYear, int Units, int Created, int Refreshed, int Unchanged);

    public static async Task<Outcome<Result>> Handle(Input input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var parsed = Reports.Quarter.Parse(input.Quarter, "quarter", errors);
        if (errors.Any || parsed is not { } q) return Outcome<Result>.Invalid(errors);
        if (user.Scope.RegionPrefix is not { } prefix) return Outcome<Result>.NotFound(ReportQueries.NotFound);
        await ReportFormDefaults.SeedAsync(db, ct);
        var form = await ReportFormDefaults.InForceAsync(q.Year, db, ct);
        var contents = await ReportFacts.ContentsAsync(q, prefix, form, db, ct);
        var existing = await db.QuarterlyReports.Where(r => r.Year == q.Year && r.QuarterNumber == q.Number && r.UnitCode.StartsWith(prefix))
            .ToDictionaryAsync(r => r.UnitCode, ct);
        var units = await db.Regions.AsNoTracking().Where(r => contents.Keys.Contains(r.Code))
            .Select(r => new { r.Code, r.Name, r.Kind }).ToListAsync(ct);
        var now = clock.UtcNow();
        var (created, refreshed, unchanged) = (0, 0, 0);
        foreach (var u in units)
        {
            var content = contents[u.Code];
            if (existing.TryGetValue(u.Code, out var r))
            {
                if (r.Status != ReportStatus.Draft)
                {
                    unchanged++;
                    continue;
                }
                r.SnapshotJson = ReportSnapshot.Canonical(content with { Narrative = r.Narrative });
                refreshed++;
                continue;
            }
            var report = new QuarterlyReport
            {
                UnitCode = u.Code, UnitName = u.Name, UnitKind = u.Kind, Year = q.Year, QuarterNumber = q.Number, EndsOn = q.End,
                FormYear = form.Year, SnapshotJson = ReportSnapshot.Canonical(content), CreatedAt = now,
            };
            report.Transitions.Add(new ReportTransition { Act = "generate", Status = ReportStatus.Draft, At = now, By = user.UserName ?? "" });
            db.QuarterlyReports.Add(report);
            created++;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<Result>.Conflict("该季度的季报正由他人生成，请稍后重试。");
        }
        return new Result(q.Code, form.Year, units.Count, created, refreshed, unchanged);
    }
}
