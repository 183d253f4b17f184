namespace ElderCare.Web.Features.Tasks;

/// <summary>A gap the platform found that a task should exist for: its key (one per gap) and what the task says.</summary>
public sealed record GapTask(string Key, DutyTaskSource Source, DutyTaskKind Kind, string UnitCode, string RegionCode, Guid? FacilityId,
    string Title, string Description);

/// <summary>A generated task as it stands: its key, status and whether the platform closed it.</summary>
public sealed record GeneratedTaskState(string Key, DutyTaskSource Source, DutyTaskStatus Status, bool ClosedByPlatform);

/// <summary>What a generation pass does: tasks to add, to reopen (the gap came back), to close (the gap disappeared).</summary>
public sealed record GapDecision(IReadOnlyList<GapTask> Add, IReadOnlyList<string> Reopen, IReadOnlyList<string> Close);

/// <summary>
/// Idempotent generation of tasks from gaps (三(一): 任务书), pure: one task per key, ever. A gap with no task adds one; a
/// gap whose task exists adds nothing (whatever its status: a task the district cancelled stays cancelled); an open
/// generated task whose gap is gone is closed by the platform (已完成, marked 差距已消除); a task the platform closed
/// whose gap is back is reopened. Only the sources that were checked in this pass are closed.
/// </summary>
public static class GapTasks
{
    public static GapDecision Decide(IReadOnlyList<GapTask> gaps, IReadOnlyList<GeneratedTaskState> existing,
        IReadOnlySet<DutyTaskSource> checkedSources)
    {
        var byKey = existing.ToDictionary(e => e.Key, StringComparer.Ordinal);
        var current = gaps.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var add = gaps.Where(g => !byKey.ContainsKey(g.Key)).DistinctBy(g => g.Key).ToList();
        var reopen = gaps.Where(g => byKey.TryGetValue(g.Key, out var e) && e.ClosedByPlatform && e.Status == DutyTaskStatus.Done)
            .Select(g => g.Key).Distinct().ToList();
        var close = existing.Where(e => checkedSources.Contains(e.Source) && TaskDeadline.IsOpen(e.Status) && !current.Contains(e.Key))
            .Select(e => e.Key).ToList();
        return new GapDecision(add, reopen, close);
    }

    public const string ClosedNote = "差距已消除，系统自动关闭";
}
