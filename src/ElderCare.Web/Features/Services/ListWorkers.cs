using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>A page of the workers in scope (phones masked), by name unless asked; a caregiver sees only their own record.</summary>
public static class ListWorkers
{
    public sealed record Query
    {
        public Guid? ProviderId { get; init; }
        /// <summary>Part of the worker's name.</summary>
        public string? Name { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
        public string? Sort { get; init; }
        public string? Dir { get; init; }
    }

    /// <summary>The columns the list sorts by (a whitelist, Shared/Sorting.cs; ADR 30).</summary>
    public static readonly SortKeys<Worker> Sorting = new SortKeys<Worker>("name")
        .Add("name", w => w.Name)
        .Add("kind", w => w.Kind)
        .Add("active", w => w.Active);

    public static Task<Outcome<Paged<WorkerResource>>> Handle(Query q, DataScope scope, AppDbContext db, FieldProtector protector,
        CancellationToken ct) =>
        ListPage.Read(q.Page, q.PageSize, errors => Filter(q, scope, db, errors), workers => Sorted(workers, q),
            async (page, token) => (await page.ToListAsync(token)).Select(w => WorkerResource.From(w, protector)).ToList(), ct);

    /// <summary>The list's order: the chosen column, then the name and id, so that pages and exports agree.</summary>
    public static IOrderedQueryable<Worker> Sorted(IQueryable<Worker> workers, Query q) =>
        Sorting.Apply(workers, q.Sort, q.Dir).ThenBy(w => w.Name).ThenBy(w => w.Id);

    /// <summary>The workers in scope matching the filters (the list and its export share it).</summary>
    public static IQueryable<Worker> Filter(Query q, DataScope scope, AppDbContext db, FieldErrors errors)
    {
        errors.AddIf(q.Name is { Length: > 50 }, "name", "姓名最多 50 个字。");
        var workers = db.Workers.AsNoTracking().InScope(scope, db);
        if (q.ProviderId is { } p) workers = workers.Where(w => w.ProviderId == p);
        if (!string.IsNullOrWhiteSpace(q.Name))
        {
            var name = q.Name.Trim();
            workers = workers.Where(w => w.Name.Contains(name));
        }
        return workers;
    }
}
