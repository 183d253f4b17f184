using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Tasks;

/// <summary>
/// Tasks in scope, filtered by unit (a street or town, or a community or village: the region prefix), status, kind and
/// overdue (open and past the deadline on the app clock's China date); by deadline, a page at a time.
/// </summary>
public static class ListTasks
{
    public sealed record Query
    {
        public string? RegionCode { get; init; }
        public string? Status { get; init; }
        public string? Kind { get; init; }
        public bool? Overdue { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public static async Task<Outcome<Paged<TaskResource>>> Handle(Query query, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(query.Page, query.PageSize, errors);
        var filtered = Filter(query, scope, db, clock, errors);
        if (errors.Any) return Outcome<Paged<TaskResource>>.Invalid(errors);
        var total = await filtered.CountAsync(ct);
        var page = filtered.OrderBy(t => t.DueOn).ThenBy(t => t.Id).Skip(paging.Skip).Take(paging.PageSize);
        return new Paged<TaskResource>(await TaskQueries.Resources(page, db, clock.Today(), ct), paging.Page, paging.PageSize, total);
    }

    /// <summary>The filters, shared with the export; unknown values are field errors.</summary>
    internal static IQueryable<DutyTask> Filter(Query query, DataScope scope, AppDbContext db, TimeProvider clock, FieldErrors errors)
    {
        var status = EnumText.Optional<DutyTaskStatus>(query.Status, "status", errors);
        var kind = EnumText.Optional<DutyTaskKind>(query.Kind, "kind", errors);
        var tasks = db.DutyTasks.AsNoTracking().InScope(scope);
        if (!string.IsNullOrWhiteSpace(query.RegionCode))
        {
            var code = query.RegionCode.Trim();
            errors.AddIf(code.Length is not (9 or 12) || !code.All(char.IsAsciiDigit), "regionCode", "区划代码应为 9 位（镇街）或 12 位（村、社区）。");
            tasks = code.Length == 9 ? tasks.Where(t => t.UnitCode == code) : tasks.Where(t => t.RegionCode == code);
        }
        if (status is { } s) tasks = tasks.Where(t => t.Status == s);
        if (kind is { } k) tasks = tasks.Where(t => t.Kind == k);
        if (query.Overdue == true) tasks = tasks.OverdueOn(clock.Today());
        return tasks;
    }
}
