using ElderCare.Web.Features.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Reports;

/// <summary>草稿 → 已提交 → 已审定 (locked); a return sends a submitted report back to 草稿 with a reason.</summary>
public enum ReportStatus { Draft, Submitted, Approved }

/// <summary>
/// One street's or town's quarterly report to the leading group (三、保障措施 "每季度向区领导小组报送推进落实情况"): the
/// values computed from the records as of the quarter's end, the town's narrative, the cycle, and once approved the locked
/// snapshot (<see cref="SnapshotJson"/>) with its SHA-256 recorded at lock time (<see cref="SnapshotHash"/>).
/// </summary>
public sealed class QuarterlyReport
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string UnitCode { get; init; }
    public required string UnitName { get; init; }
    public RegionKind UnitKind { get; init; }
    public int Year { get; init; }
    public int QuarterNumber { get; init; }

    /// <summary>The quarter's last day (the to-do centre asks which quarters have ended).</summary>
    public DateOnly EndsOn { get; init; }

    public int FormYear { get; init; }
    public ReportStatus Status { get; set; }
    public string Narrative { get; set; } = "";

    /// <summary>Canonical JSON (<see cref="ReportSnapshot"/>): as generated while a draft, as submitted after, frozen once approved.</summary>
    public required string SnapshotJson { get; set; }

    /// <summary>SHA-256 of <see cref="SnapshotJson"/> recorded when the district approved and locked the report.</summary>
    public string? SnapshotHash { get; set; }

    public string? ReturnReason { get; set; }
    public List<ReportTransition> Transitions { get; set; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public int Version { get; set; } = 1;

    public Quarter Quarter => new(Year, QuarterNumber);
}

/// <summary>One step of the cycle: who, when, to which status, and the reason of a return.</summary>
public sealed class ReportTransition
{
    public required string Act { get; set; }
    public ReportStatus Status { get; set; }
    public DateTime At { get; set; }
    public string By { get; set; } = "";
    public string? Reason { get; set; }
}

internal sealed class QuarterlyReportConfiguration : IEntityTypeConfiguration<QuarterlyReport>
{
    public void Configure(EntityTypeBuilder<QuarterlyReport> e)
    {
        e.Property(x => x.UnitCode).HasMaxLength(9);
        e.Property(x => x.UnitName).HasMaxLength(100);
        e.Property(x => x.UnitKind).HasMaxLength(20);
        e.Property(x => x.Status).HasMaxLength(20);
        e.Property(x => x.Narrative).HasMaxLength(4000);
        e.Property(x => x.SnapshotHash).HasMaxLength(64);
        e.Property(x => x.ReturnReason).HasMaxLength(300);
        e.Property(x => x.SubmittedBy).HasMaxLength(100);
        e.Property(x => x.ApprovedBy).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.Quarter);
        e.OwnsMany(x => x.Transitions, t => t.ToJson());
        e.HasIndex(x => new { x.Year, x.QuarterNumber, x.UnitCode }).IsUnique();
        e.HasIndex(x => new { x.UnitCode, x.Status });
        e.HasIndex(x => new { x.Status, x.EndsOn });
    }
}
