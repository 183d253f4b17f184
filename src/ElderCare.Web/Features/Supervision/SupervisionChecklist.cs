using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Supervision;

/// <summary>The groups of the supervision checklist (三(一) monthly supervision): 附件1 建设标准, 安全, 服务, 台账.</summary>
public enum ChecklistGroup { Construction, Safety, Services, Records }

/// <summary>How serious a finding is; its rectification deadline comes from the checklist's deadline table.</summary>
public enum FindingSeverity { Urgent, Serious, General, Minor }

/// <summary>
/// The supervision checklist as data, versioned by year (三(一)): the checklist in force for a year is the one with the
/// latest <see cref="Year"/> not after it. It carries the rectification deadline per severity. The seeded default is a
/// placeholder marked 待确认 until the district confirms it (ADR 0023).
/// </summary>
public sealed class SupervisionChecklist : Shared.IPlaceholderFigure
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public int Year { get; set; }
    public required string Name { get; set; }
    public List<ChecklistItem> Items { get; set; } = [];
    public List<RectificationDeadline> Deadlines { get; set; } = [];
    public required string Source { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public string? ConfirmedBy { get; set; }
    public bool Confirmed => ConfirmedAt is not null;
}

/// <summary>One thing the inspector checks: a stable code (findings and repeats are counted by it), its group and its text.</summary>
public sealed class ChecklistItem
{
    public required string Code { get; set; }
    public ChecklistGroup Group { get; set; }
    public required string Text { get; set; }
}

/// <summary>The hours a finding of a severity has to be rectified in (e.g. 紧急 24 小时).</summary>
public sealed class RectificationDeadline
{
    public FindingSeverity Severity { get; set; }
    public int Hours { get; set; }
}

internal sealed class SupervisionChecklistConfiguration : IEntityTypeConfiguration<SupervisionChecklist>
{
    public void Configure(EntityTypeBuilder<SupervisionChecklist> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Source).HasMaxLength(200);
        e.Property(x => x.ConfirmedBy).HasMaxLength(100);
        e.Ignore(x => x.Confirmed);
        e.OwnsMany(x => x.Items, i => i.ToJson());
        e.OwnsMany(x => x.Deadlines, d => d.ToJson());
        e.HasIndex(x => x.Year).IsUnique();
    }
}
