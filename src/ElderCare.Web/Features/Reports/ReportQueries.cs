using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Reports;

public static class ReportQueries
{
    public const string NotFound = "未找到该季报，或不在您的管辖范围内。";
    public const string Concurrent = "季报已被他人修改，请刷新后重试。";

    /// <summary>Reports the user may see (ADR 0019): a town officer its own street's or town's, the district all, others none.</summary>
    public static IQueryable<QuarterlyReport> InScope(this IQueryable<QuarterlyReport> reports, DataScope scope) => scope.Kind switch
    {
        ScopeKind.District => reports,
        ScopeKind.Unit => reports.Where(r => r.UnitCode == scope.RegionCode),
        _ => reports.Where(r => false),
    };

    /// <summary>The report (tracked) in the user's scope, or null.</summary>
    public static Task<QuarterlyReport?> FindAsync(Guid id, DataScope scope, AppDbContext db, CancellationToken ct) =>
        db.QuarterlyReports.InScope(scope).FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>Moves a report along the cycle, with who and when (every transition is kept on the report and audited as a write).</summary>
    internal static void Step(QuarterlyReport r, string act, ReportStatus status, CurrentUser user, DateTime at, string? reason = null)
    {
        r.Status = status;
        r.Transitions.Add(new ReportTransition { Act = act, Status = status, At = at, By = user.UserName ?? "", Reason = reason });
        r.Version++;
    }

    /// <summary>Saves a change: a concurrent one (the Version token) is a conflict (409), never a 500.</summary>
    internal static async Task<Outcome<ReportResource>> SaveAsync(QuarterlyReport r, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<ReportResource>.Conflict(Concurrent);
        }
        return await GetReport.Handle(r.Id, scope, db, clock, ct);
    }

    /// <summary>A version sent with an edit that is not the stored one: someone saved first.</summary>
    internal static bool Stale(int? version, QuarterlyReport r) => version is { } v && v != r.Version;
}
