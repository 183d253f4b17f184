using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Tasks;

/// <summary>建设站点 / 整改问题 / 确认规划 / 其他.</summary>
public enum DutyTaskKind { BuildStation, FixFinding, ConfirmPlan, Other }

/// <summary>待办 → 进行中 → 已完成, or 已取消 (<see cref="TaskLifecycle"/>).</summary>
public enum DutyTaskStatus { Open, InProgress, Done, Cancelled }

/// <summary>Who made the task: the district by hand, or a gap the platform found (coverage, 附件1 compliance, plan rows).</summary>
public enum DutyTaskSource { Manual, Coverage, Compliance, Plan }

/// <summary>
/// One task of a street's or town's task list (三(一): 列出时间表、路线图、任务书和责任人): a unit (the street or town, or a
/// community or village under it) or a facility, a responsible person, a deadline (a China date), a status and the
/// evidence files that show it done (履职照单免责). Generated tasks carry a <see cref="SourceKey"/>, one per gap.
/// </summary>
public sealed class DutyTask
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The street or town (9 digits): the scope a town officer sees.</summary>
    public required string UnitCode { get; set; }

    /// <summary>The unit itself, or a community or village under it (12 digits).</summary>
    public required string RegionCode { get; set; }

    public Guid? FacilityId { get; set; }
    public required string Title { get; set; }
    public DutyTaskKind Kind { get; set; }
    public string? Description { get; set; }
    public string? ResponsibleName { get; set; }
    public string? ResponsiblePhone { get; set; }
    public string? ResponsiblePost { get; set; }

    /// <summary>The last day (China time) the task may be done on; overdue from the day after.</summary>
    public DateOnly DueOn { get; set; }

    public DutyTaskStatus Status { get; set; }
    public DutyTaskSource Source { get; init; }

    /// <summary>One per gap, e.g. <c>coverage:500153001:community-station</c>; null for a task made by hand.</summary>
    public string? SourceKey { get; init; }

    /// <summary>Set when the platform closed the task because its gap disappeared (reopened if the gap comes back).</summary>
    public DateTime? GapClosedAt { get; set; }

    public List<Guid> EvidenceIds { get; set; } = [];

    /// <summary>The highest escalation level recorded (0 = none), see <see cref="TaskEscalation"/>.</summary>
    public int EscalationLevel { get; set; }

    public string? StatusNote { get; set; }
    public required string CreatedBy { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; } = 1;
}

/// <summary>One escalation of an overdue task, recorded once per level; <see cref="NotifiedAt"/> once the notifier took it.</summary>
public sealed class DutyTaskEscalation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TaskId { get; init; }
    public int Level { get; init; }
    public int DaysOverdue { get; init; }
    public required string Recipient { get; init; }
    public required string Message { get; init; }
    public DateTime RecordedAt { get; init; }
    public DateTime? NotifiedAt { get; set; }
}

internal sealed class DutyTaskConfiguration : IEntityTypeConfiguration<DutyTask>
{
    public void Configure(EntityTypeBuilder<DutyTask> e)
    {
        e.Property(x => x.UnitCode).HasMaxLength(9);
        e.Property(x => x.RegionCode).HasMaxLength(12);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Kind).HasMaxLength(20);
        e.Property(x => x.Status).HasMaxLength(20);
        e.Property(x => x.Source).HasMaxLength(20);
        e.Property(x => x.SourceKey).HasMaxLength(100);
        e.Property(x => x.Description).HasMaxLength(1000);
        e.Property(x => x.ResponsibleName).HasMaxLength(50);
        e.Property(x => x.ResponsiblePhone).HasMaxLength(20);
        e.Property(x => x.ResponsiblePost).HasMaxLength(100);
        e.Property(x => x.StatusNote).HasMaxLength(300);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.PrimitiveCollection(x => x.EvidenceIds);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Facilities.Facility>().WithMany().HasForeignKey(x => x.FacilityId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.SourceKey).IsUnique();
        e.HasIndex(x => new { x.UnitCode, x.Status, x.DueOn }); // a town's open tasks by deadline: the to-do count
        e.HasIndex(x => new { x.Status, x.DueOn });
        e.HasIndex(x => x.FacilityId);
    }
}

internal sealed class DutyTaskEscalationConfiguration : IEntityTypeConfiguration<DutyTaskEscalation>
{
    public void Configure(EntityTypeBuilder<DutyTaskEscalation> e)
    {
        e.Property(x => x.Recipient).HasMaxLength(100);
        e.Property(x => x.Message).HasMaxLength(300);
        e.HasOne<DutyTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.TaskId, x.Level }).IsUnique(); // once per level
        e.HasIndex(x => x.NotifiedAt);
    }
}
