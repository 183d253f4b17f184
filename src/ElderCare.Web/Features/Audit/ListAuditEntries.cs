using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Audit;

public sealed record AuditRow(long Sequence, DateTime At, string? UserName, string Action, string? Target, string Outcome, string? Address,
    string? Detail);

public static class ListAuditEntries
{
    public sealed record Query
    {
        public string? From { get; init; }
        public string? To { get; init; }
        public string? UserName { get; init; }
        public string? Action { get; init; }
        public string? Outcome { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    /// <summary>Newest first; dates are China calendar days, inclusive.</summary>
    public static async Task<Outcome<Paged<AuditRow>>> Handle(Query q, AppDbContext db, TimeProvider clock, CancellationToken ct,
        int? maxPageSize = null)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(q.Page, q.PageSize, errors);
        var rows = Filter(q, db, clock, errors);
        if (errors.Any) return Outcome<Paged<AuditRow>>.Invalid(errors);
        var size = maxPageSize ?? paging.PageSize;
        var total = await rows!.CountAsync(ct);
        var items = await rows!.OrderByDescending(e => e.Sequence).Skip((paging.Page - 1) * size).Take(size)
            .Select(e => new AuditRow(e.Sequence, e.At, e.UserName, e.Action, e.Target, e.Outcome, e.Address, e.Detail)).ToListAsync(ct);
        return new Paged<AuditRow>(items, paging.Page, size, total);
    }

    private static IQueryable<AuditEntry>? Filter(Query q, AppDbContext db, TimeProvider clock, FieldErrors errors)
    {
        var rows = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.From))
        {
            var from = clock.DateOrToday(q.From, "from", errors).ToDateTime(TimeOnly.MinValue) - ChinaClock.Offset;
            rows = rows.Where(e => e.At >= from);
        }
        if (!string.IsNullOrWhiteSpace(q.To))
        {
            var to = clock.DateOrToday(q.To, "to", errors).AddDays(1).ToDateTime(TimeOnly.MinValue) - ChinaClock.Offset;
            rows = rows.Where(e => e.At < to);
        }
        if (!string.IsNullOrWhiteSpace(q.UserName)) rows = rows.Where(e => e.UserName == q.UserName.Trim());
        if (!string.IsNullOrWhiteSpace(q.Action)) rows = rows.Where(e => e.Action.StartsWith(q.Action.Trim()));
        if (!string.IsNullOrWhiteSpace(q.Outcome)) rows = rows.Where(e => e.Outcome == q.Outcome.Trim());
        return rows;
    }
}
