using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>回访: a page of the queue of completed orders drawn for a call, the uncalled first; <c>pending</c> lists only those.</summary>
public static class ListFollowUps
{
    public sealed record Query
    {
        public bool? Pending { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public static async Task<Outcome<Paged<FollowUpResource>>> Handle(Query query, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(query.Page, query.PageSize, errors);
        if (errors.Any) return Outcome<Paged<FollowUpResource>>.Invalid(errors);
        var (items, total) = await Read(query.Pending == true, null, scope, db, paging, ct);
        return new Paged<FollowUpResource>(items, paging.Page, paging.PageSize, total);
    }

    /// <summary>The follow-ups in scope (or the one <paramref name="only"/>) with their order's elder, item and worker.</summary>
    internal static async Task<(List<FollowUpResource> Items, int Total)> Read(bool pending, Guid? only, DataScope scope, AppDbContext db,
        PageRequest paging, CancellationToken ct)
    {
        var orders = db.ServiceOrders.AsNoTracking().InScope(scope, db);
        var q = from f in db.FollowUps.AsNoTracking() join o in orders on f.OrderId equals o.Id select new { f, o };
        if (only is { } id) q = q.Where(x => x.f.Id == id);
        if (pending) q = q.Where(x => x.f.CalledAt == null);
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(x => x.f.CalledAt != null).ThenBy(x => x.f.QueuedAt).ThenBy(x => x.f.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(x => new FollowUpResource(x.f.Id, x.o.Id, db.Elders.Where(e => e.Id == x.o.ElderId).Select(e => e.Name).First(),
                x.o.ItemName, db.Workers.Where(w => w.Id == x.o.WorkerId).Select(w => w.Name).FirstOrDefault(), x.o.WindowStart,
                x.f.QueuedAt, x.f.CalledAt, x.f.CalledBy, x.f.Reached, x.f.ServiceHappened, x.f.Satisfied, x.f.Notes))
            .ToListAsync(ct);
        return (items, total);
    }
}
