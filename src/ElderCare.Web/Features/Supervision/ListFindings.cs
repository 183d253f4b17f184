using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Supervision;

/// <summary>
/// Findings in scope by street or town, facility, round, severity, status and overdue (on the app clock, <see
/// cref="SupervisionRules.Overdue"/>); the most urgent deadline first; paged. <c>open=true</c> is "not closed".
/// </summary>
public static class ListFindings
{
    public sealed record Query
    {
        public string? UnitCode { get; init; }
        public Guid? FacilityId { get; init; }
        public Guid? RoundId { get; init; }
        public string? Severity { get; init; }
        public string? Status { get; init; }
        public bool? Open { get; init; }
        public bool? Overdue { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public static async Task<Outcome<Paged<FindingResource>>> Handle(Query query, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(query.Page, query.PageSize, errors);
        var rows = Filtered(query, scope, db, clock.UtcNow(), errors);
        if (errors.Any) return Outcome<Paged<FindingResource>>.Invalid(errors);
        var now = clock.UtcNow();
        var total = await rows.CountAsync(ct);
        var page = rows.OrderBy(f => f.Status == FindingStatus.Closed).ThenBy(f => f.DueAt).ThenBy(f => f.Id).Skip(paging.Skip).Take(paging.PageSize);
        return new Paged<FindingResource>(await SupervisionQueries.Findings(page, db, now, ct), paging.Page, paging.PageSize, total);
    }

    /// <summary>The filters, shared with the export.</summary>
    internal static IQueryable<SupervisionFinding> Filtered(Query query, DataScope scope, AppDbContext db, DateTime now, FieldErrors errors)
    {
        var severity = EnumText.Optional<FindingSeverity>(query.Severity, "severity", errors);
        var status = EnumText.Optional<FindingStatus>(query.Status, "status", errors);
        var rows = db.SupervisionFindings.AsNoTracking().InScope(scope);
        if (!string.IsNullOrWhiteSpace(query.UnitCode)) rows = rows.Where(f => f.UnitCode == query.UnitCode.Trim());
        if (query.FacilityId is { } facility) rows = rows.Where(f => f.FacilityId == facility);
        if (query.RoundId is { } round) rows = rows.Where(f => f.RoundId == round);
        if (severity is { } level) rows = rows.Where(f => f.Severity == level);
        if (status is { } state) rows = rows.Where(f => f.Status == state);
        if (query.Open == true) rows = rows.Where(f => f.Status != FindingStatus.Closed);
        if (query.Open == false) rows = rows.Where(f => f.Status == FindingStatus.Closed);
        // SupervisionRules.Overdue as a query: open and past the deadline.
        if (query.Overdue == true) rows = rows.Where(f => f.Status == FindingStatus.Open && f.DueAt < now);
        if (query.Overdue == false) rows = rows.Where(f => !(f.Status == FindingStatus.Open && f.DueAt < now));
        return rows;
    }
}
