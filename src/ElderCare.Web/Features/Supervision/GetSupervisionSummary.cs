using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Supervision;

/// <summary>
/// A facility's year of supervision for its yearly evaluation (三(二)(三); 三(一) "repeated or overdue findings feed the
/// evaluation"): the findings raised in the year (China time), how many were overdue (<see cref="SupervisionRules.WasOverdue"/>)
/// and how many repeated (<see cref="SupervisionRules.Repeated"/>), and how many are still not closed.
/// </summary>
public static class GetSupervisionSummary
{
    public sealed record Row(FindingStatus Status, DateTime DueAt, bool RectifiedLate, bool Repeated);

    public static async Task<Outcome<SupervisionSummary>> Handle(Guid facilityId, int? year, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        if (year is not { } y || y < 2020 || y > 2100) return Outcome<SupervisionSummary>.Invalid("year", "请填写 2020 年以后的年度。");
        if (!await db.Facilities.AsNoTracking().InScope(scope).AnyAsync(f => f.Id == facilityId, ct))
            return Outcome<SupervisionSummary>.NotFound(SupervisionQueries.FacilityNotFound);
        var (from, to) = SupervisionRules.Year(y);
        var rows = await db.SupervisionFindings.AsNoTracking().Where(f => f.FacilityId == facilityId && f.RaisedAt >= from && f.RaisedAt < to)
            .Select(f => new Row(f.Status, f.DueAt, f.RectifiedLate, f.Repeated)).ToListAsync(ct);
        return Count(facilityId, y, rows, clock.UtcNow());
    }

    /// <summary>The counts of a facility's findings of a year on the clock's <paramref name="now"/>.</summary>
    public static SupervisionSummary Count(Guid facilityId, int year, IReadOnlyCollection<Row> rows, DateTime now) => new(facilityId, year,
        rows.Count, rows.Count(r => SupervisionRules.WasOverdue(r.Status, r.DueAt, r.RectifiedLate, now)), rows.Count(r => r.Repeated),
        rows.Count(r => r.Status != FindingStatus.Closed));
}
