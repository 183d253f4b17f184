using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>
/// A page of the complaints in scope, the open ones first by deadline unless asked; <c>open</c> lists only unresolved
/// ones, <c>overdue</c> only those past their deadline (escalated), <c>severity</c> one severity.
/// </summary>
public static class ListComplaints
{
    public sealed record Query
    {
        public bool? Open { get; init; }
        public bool? Overdue { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
        public string? Severity { get; init; }
        public string? Sort { get; init; }
        public string? Dir { get; init; }
    }

    /// <summary>The columns the list sorts by (a whitelist, Shared/Sorting.cs; ADR 30); "state" puts the open ones first.</summary>
    public static readonly SortKeys<Complaint> Sorting = new SortKeys<Complaint>("state")
        .Add("state", c => c.ResolvedAt != null)
        .Add("due", c => c.DueAt)
        .Add("received", c => c.ReceivedAt)
        .Add("severity", c => c.Severity);

    public static Task<Outcome<Paged<ComplaintResource>>> Handle(Query query, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.UtcNow();
        return ListPage.Read(query.Page, query.PageSize, errors => Filter(query, scope, db, now, errors), complaints => Sorted(complaints, query),
            (page, token) => Rows(page, db, now, token), ct);
    }

    /// <summary>The list's order: the chosen column, then the deadline and id, so that pages and exports agree.</summary>
    public static IOrderedQueryable<Complaint> Sorted(IQueryable<Complaint> complaints, Query q) =>
        Sorting.Apply(complaints, q.Sort, q.Dir).ThenBy(c => c.DueAt).ThenBy(c => c.Id);

    /// <summary>The complaints of orders in scope matching the filters (the list, <see cref="GetComplaint"/> and the export share it).</summary>
    public static IQueryable<Complaint> Filter(Query q, DataScope scope, AppDbContext db, DateTime now, FieldErrors errors)
    {
        var severity = EnumText.Optional<ComplaintSeverity>(q.Severity, "severity", errors);
        var orders = db.ServiceOrders.AsNoTracking().InScope(scope, db);
        var complaints = db.Complaints.AsNoTracking().Where(c => orders.Any(o => o.Id == c.OrderId));
        if (q.Open == true || q.Overdue == true) complaints = complaints.Where(c => c.ResolvedAt == null);
        if (q.Overdue == true) complaints = complaints.Where(c => c.DueAt < now);
        if (severity is { } s) complaints = complaints.Where(c => c.Severity == s);
        return complaints;
    }

    /// <summary>The complaints with their order's item, elder and provider (a projection keeps the sorted order).</summary>
    public static async Task<List<ComplaintResource>> Rows(IQueryable<Complaint> complaints, AppDbContext db, DateTime now, CancellationToken ct)
    {
        var rows = await complaints
            .Select(c => new
            {
                c,
                ItemName = db.ServiceOrders.Where(o => o.Id == c.OrderId).Select(o => o.ItemName).First(),
                Elder = db.Elders.Where(e => db.ServiceOrders.Any(o => o.Id == c.OrderId && o.ElderId == e.Id)).Select(e => e.Name).First(),
                Provider = db.ServiceProviders.Where(p => db.ServiceOrders.Any(o => o.Id == c.OrderId && o.ProviderId == p.Id))
                    .Select(p => p.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(x => new ComplaintResource(x.c.Id, x.c.OrderId, x.ItemName, x.Elder, x.Provider, x.c.Severity, x.c.Text,
            x.c.ReceivedAt, x.c.DueAt, x.c.ReceivedBy, x.c.ResolvedAt, x.c.Resolution,
            ComplaintDeadlines.Overdue(x.c.DueAt, x.c.ResolvedAt, now))).ToList();
    }
}
