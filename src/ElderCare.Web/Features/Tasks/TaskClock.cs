using ElderCare.Web.Data;
using ElderCare.Web.Features.Alarms;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Tasks;

/// <summary>
/// The escalation pass of overdue tasks (三(一): 倒排工期、打表推进), one pass each call, on the app clock: each level a task
/// has reached (<see cref="TaskEscalation"/>) is recorded once, and the notice goes out through the same pluggable
/// <see cref="INotifier"/> as alarms. In-app, the to-do centre shows escalated tasks to the level's role. A notice the
/// notifier refused is sent again on the next pass.
/// </summary>
public static class TaskClockScan
{
    public static async Task<int> EscalateAsync(AppDbContext db, TaskOptions options, TimeProvider clock, CancellationToken ct)
    {
        var levels = await db.EscalationLevels.AsNoTracking().OrderBy(l => l.Id).ToListAsync(ct);
        if (levels.Count == 0) return 0;
        var today = clock.Today();
        var first = levels.Min(l => l.DaysOverdue);
        var top = levels.Max(l => l.Id);
        var latestDue = today.AddDays(-first);
        var candidates = await db.DutyTasks
            .Where(t => (t.Status == DutyTaskStatus.Open || t.Status == DutyTaskStatus.InProgress) && t.DueOn <= latestDue
                        && t.EscalationLevel < top)
            .OrderBy(t => t.DueOn).Take(options.EscalationBatch).ToListAsync(ct);
        if (candidates.Count == 0) return 0;
        var names = await RegionQueries.NamesAsync(db, candidates.Select(t => t.UnitCode), ct);
        var now = clock.UtcNow();
        var recorded = 0;
        foreach (var t in candidates)
        {
            var due = TaskEscalation.Due(t.Status, t.DueOn, today, t.EscalationLevel, levels);
            if (due.Count == 0) continue;
            var days = TaskDeadline.DaysOverdue(t.Status, t.DueOn, today);
            foreach (var level in due)
            {
                db.DutyTaskEscalations.Add(new DutyTaskEscalation
                {
                    TaskId = t.Id, Level = level.Id, DaysOverdue = days, RecordedAt = now,
                    Recipient = $"{names.GetValueOrDefault(t.UnitCode, t.UnitCode)} · {level.Recipient}",
                    Message = TaskEscalation.Message(names.GetValueOrDefault(t.UnitCode, t.UnitCode), t.Title, t.DueOn, days, level),
                });
                recorded++;
            }
            t.EscalationLevel = due.Max(l => l.Id);
            t.Version++;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return 0; // someone changed a task at the same moment (or a parallel pass recorded it); the next pass decides again
        }
        return recorded;
    }

    /// <summary>Sends the notices not yet sent; a refused one stays for the next pass.</summary>
    public static async Task<int> NotifyAsync(AppDbContext db, INotifier notifier, TaskOptions options, TimeProvider clock, ILogger? logger,
        CancellationToken ct)
    {
        var pending = await db.DutyTaskEscalations.Where(e => e.NotifiedAt == null).OrderBy(e => e.RecordedAt).Take(options.EscalationBatch)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var e in pending)
        {
            try
            {
                await notifier.SendAsync(e.Recipient, null, e.Message, ct);
                e.NotifiedAt = clock.UtcNow();
                sent++;
            }
            catch (Exception x) when (x is not OperationCanceledException)
            {
                logger?.LogWarning("Task escalation notice {Id} not delivered: {Error}", e.Id, x.Message);
            }
        }
        await db.SaveChangesAsync(ct);
        return sent;
    }
}

/// <summary>Runs the escalation pass every <see cref="TaskOptions.ClockIntervalSeconds"/> (0 = off), like the alarm clock.</summary>
public sealed class TaskClock(IServiceScopeFactory scopes, TaskOptions options, TimeProvider clock, ILogger<TaskClock> logger)
    : PeriodicPass(scopes, options.ClockIntervalSeconds, logger, "Task escalation pass")
{
    protected override async Task RunAsync(IServiceProvider s, AppDbContext db, CancellationToken ct)
    {
        await TaskClockScan.EscalateAsync(db, options, clock, ct);
        db.ChangeTracker.Clear();
        await TaskClockScan.NotifyAsync(db, s.GetRequiredService<INotifier>(), options, clock, logger, ct);
    }
}
