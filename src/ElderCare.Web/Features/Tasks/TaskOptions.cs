using System.ComponentModel.DataAnnotations;

namespace ElderCare.Web.Features.Tasks;

/// <summary>The task list's operating numbers, from configuration section "Tasks"; checked at start (ADR 25).</summary>
public sealed class TaskOptions
{
    /// <summary>Seconds between two escalation passes of the background clock (0 = off).</summary>
    [Range(0, 86_400)]
    public int ClockIntervalSeconds { get; set; } = 300;

    /// <summary>Tasks escalated per pass at most.</summary>
    [Range(1, 10_000)]
    public int EscalationBatch { get; set; } = 500;

    /// <summary>A task shows in the to-do centre from this many days before its deadline.</summary>
    [Range(0, 365)]
    public int DueSoonDays { get; set; } = 7;

    /// <summary>The deadline given to a task generated from a gap: this many days after the pass (待确认: the policy gives none).</summary>
    [Range(1, 3650)]
    public int GeneratedDueDays { get; set; } = 30;
}
