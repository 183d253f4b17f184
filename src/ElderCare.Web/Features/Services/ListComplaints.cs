using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>
/// A page of the complaints in scope, the open ones first by deadline; <c>open</c> lists only unresolved ones,
/// <c>overdue</c> only those past their deadline (escalated).
/// </summary>
public static class ListComplaints
{
    public sealed record Query(bool? Open, bool? Overdue, int? Page, int? PageSize);

    public static async Task<Outcome<Paged<ComplaintResource>>> Handle(Query query, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(query.Page, query.PageSize, errors);
        if (errors.Any) return Outcome<Paged<ComplaintResource>>.Invalid(errors);
        var (items, total) = await Read(scope, db, clock.UtcNow(), query.Open == true, query.Overdue == true, null, paging, ct);
        return new Paged<ComplaintResource>(items, paging.Page, paging.PageSize, total);
    }

    /// <summary>The complaints in scope (or the one <paramref name="only"/>) with their order's item, elder and provider.</summary>
    internal static async Task<(List<ComplaintResource> Items, int Total)> Read(DataScope scope, AppDbContext db, DateTime now, bool open,
        bool overdue, Guid? only, PageRequest paging, CancellationToken ct)
    {
        var orders = db.ServiceOrders.AsNoTracking().InScope(scope, db);
        var q = from c in db.Complaints.AsNoTracking()
                join o in orders on c.OrderId equals o.Id
                select new { c, o.ItemName, o.ElderId, o.ProviderId };
        if (only is { } id) q = q.Where(x => x.c.Id == id);
        if (open || overdue) q = q.Where(x => x.c.ResolvedAt == null);
        if (overdue) q = q.Where(x => x.c.DueAt < now);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(x => x.c.ResolvedAt != null).ThenBy(x => x.c.DueAt).ThenBy(x => x.c.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(x => new
            {
                x.c, x.ItemName,
                Elder = db.Elders.Where(e => e.Id == x.ElderId).Select(e => e.Name).First(),
                Provider = db.ServiceProviders.Where(p => p.Id == x.ProviderId).Select(p => p.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var items = rows.Select(x => new ComplaintResource(x.c.Id, x.c.OrderId, x.ItemName, x.Elder, x.Provider, x.c.Severity, x.c.Text,
            x.c.ReceivedAt, x.c.DueAt, x.c.ReceivedBy, x.c.ResolvedAt, x.c.Resolution,
            ComplaintDeadlines.Overdue(x.c.DueAt, x.c.ResolvedAt, now))).ToList();
        return (items, total);
    }
}
