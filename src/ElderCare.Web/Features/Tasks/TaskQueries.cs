using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Tasks;

public static class TaskQueries
{
    public const string NotFound = "未找到该任务，或不在您的管辖范围内。";
    public const string Concurrent = "任务已被他人修改，请刷新后重试。";

    /// <summary>Tasks the user may see: the district all; a town officer its street's or town's; an operator its facilities'.</summary>
    public static IQueryable<DutyTask> InScope(this IQueryable<DutyTask> tasks, DataScope scope) => scope.Kind switch
    {
        ScopeKind.District => tasks,
        ScopeKind.Unit => tasks.Where(t => t.UnitCode == scope.RegionCode),
        ScopeKind.Facilities => tasks.Where(t => t.FacilityId != null && scope.FacilityIds.Contains(t.FacilityId.Value)),
        _ => tasks.Where(t => false),
    };

    /// <summary>Open tasks past their deadline on <paramref name="today"/> (China date).</summary>
    public static IQueryable<DutyTask> OverdueOn(this IQueryable<DutyTask> tasks, DateOnly today) =>
        tasks.Where(t => (t.Status == DutyTaskStatus.Open || t.Status == DutyTaskStatus.InProgress) && t.DueOn < today);

    /// <summary>The resources of tasks already filtered, ordered and paged, with unit and facility names.</summary>
    internal static async Task<List<TaskResource>> Resources(IQueryable<DutyTask> tasks, AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var rows = await tasks.Select(t => new
            {
                Task = t,
                Unit = db.Regions.Where(r => r.Code == t.UnitCode).Select(r => r.Name).FirstOrDefault(),
                Facility = db.Facilities.Where(f => f.Id == t.FacilityId).Select(f => f.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(r => From(r.Task, r.Unit ?? r.Task.UnitCode, r.Facility, today)).ToList();
    }

    public static TaskResource From(DutyTask t, string unitName, string? facilityName, DateOnly today) =>
        new(t.Id, t.UnitCode, unitName, t.RegionCode, t.FacilityId, facilityName, t.Title, t.Kind, t.Description, t.ResponsibleName,
            t.ResponsiblePhone, t.ResponsiblePost, t.DueOn, t.Status, t.Source, t.SourceKey, TaskDeadline.IsOverdue(t.Status, t.DueOn, today),
            TaskDeadline.DaysOverdue(t.Status, t.DueOn, today), t.EscalationLevel, t.StatusNote, t.EvidenceIds, t.CreatedBy, t.CreatedAt,
            t.UpdatedAt, t.Version);

    /// <summary>One task in scope as a resource, or not found.</summary>
    internal static async Task<Outcome<TaskResource>> Resource(Guid id, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct) =>
        (await Resources(db.DutyTasks.AsNoTracking().InScope(scope).Where(t => t.Id == id), db, clock.Today(), ct)).SingleOrDefault() is { } r
            ? r
            : Outcome<TaskResource>.NotFound(NotFound);

    /// <summary>The task in scope, tracked for a change; null when missing or outside the scope.</summary>
    internal static Task<DutyTask?> FindAsync(Guid id, DataScope scope, AppDbContext db, CancellationToken ct) =>
        db.DutyTasks.InScope(scope).FirstOrDefaultAsync(t => t.Id == id, ct);

    private const string VersionMissing = "请提交任务的版本号（version），以免覆盖他人的修改。";

    /// <summary>The field errors of a change to a task, starting with the one every change checks: the version the user read.</summary>
    internal static FieldErrors ChangeErrors(int? version)
    {
        var errors = new FieldErrors();
        errors.AddIf(version is null, "version", VersionMissing);
        return errors;
    }

    /// <summary>
    /// Saves a change of a task: stamped and versioned; a concurrent change (Version) or a duplicate key is a conflict
    /// (409), never a 500. Returns the task as it now reads.
    /// </summary>
    internal static async Task<Outcome<TaskResource>> SaveAsync(DutyTask task, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        task.UpdatedAt = clock.UtcNow();
        task.Version++;
        if (!await db.SavedAsync(ct)) return Outcome<TaskResource>.Conflict(Concurrent);
        return await Resource(task.Id, scope, db, clock, ct);
    }
}

/// <summary>The choices of the task forms: facilities in scope by name (at most 500), for the 设施 select.</summary>
public static class TaskChoices
{
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> Facilities(DataScope scope, AppDbContext db, CancellationToken ct) =>
        (await db.Facilities.AsNoTracking().Where(f => f.Status != FacilityStatus.Closed).InScope(scope).OrderBy(f => f.UnitCode)
            .ThenBy(f => f.Name).Select(f => new { f.Id, f.Name }).Take(500).ToListAsync(ct))
        .Select(f => (f.Id, f.Name)).ToList();

    /// <summary>The facilities of a street or town in scope, for the evidence of a task that names no facility.</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> FacilitiesIn(string unitCode, DataScope scope, AppDbContext db,
        CancellationToken ct) =>
        (await db.Facilities.AsNoTracking().InScope(scope).Where(f => f.UnitCode == unitCode).OrderBy(f => f.Name)
            .Select(f => new { f.Id, f.Name }).Take(500).ToListAsync(ct))
        .Select(f => (f.Id, f.Name)).ToList();
}
