using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>A page of the workers in scope (phones masked), by name; a caregiver sees only their own record.</summary>
public static class ListWorkers
{
    public static async Task<Outcome<Paged<WorkerResource>>> Handle(Guid? providerId, int? page, int? pageSize, DataScope scope,
        AppDbContext db, FieldProtector protector, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Any) return Outcome<Paged<WorkerResource>>.Invalid(errors);
        var q = db.Workers.AsNoTracking().InScope(scope, db);
        if (providerId is { } p) q = q.Where(w => w.ProviderId == p);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(w => w.Name).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var items = rows.Select(w => WorkerResource.From(w, protector)).ToList();
        return new Paged<WorkerResource>(items, paging.Page, paging.PageSize, total);
    }
}
