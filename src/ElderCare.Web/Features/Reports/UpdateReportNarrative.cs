using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Reports;

/// <summary>The town writes its narrative (推进落实情况) on a draft; a submitted or locked report refuses (409).</summary>
public static class UpdateReportNarrative
{
    public const int MaxLength = 4000;

    public sealed record Input(string? Narrative, int? Version);

    public static async Task<Outcome<ReportResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var narrative = errors.Text(input.Narrative, "narrative", "情况说明", MaxLength, multiLine: true);
        var r = await ReportQueries.FindAsync(id, user.Scope, db, ct);
        if (r is null) return Outcome<ReportResource>.NotFound(ReportQueries.NotFound);
        if (ReportCycle.CanEdit(r.Status) is { } refused) return Outcome<ReportResource>.Conflict(refused);
        if (errors.Any) return Outcome<ReportResource>.Invalid(errors);
        if (ReportQueries.Stale(input.Version, r)) return Outcome<ReportResource>.Conflict(ReportQueries.Concurrent);
        r.Narrative = narrative?.Trim() ?? "";
        r.Version++;
        return await ReportQueries.SaveAsync(r, user.Scope, db, clock, ct);
    }
}
