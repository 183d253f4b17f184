using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Assessments;

/// <summary>评估原因 (GB/T 42195-2022 附录A): 首次 / 常规 / 即时 / 复评 / 其他.</summary>
public enum AssessmentReason { First, Routine, Immediate, Review, Other }

/// <summary>
/// One GB/T 42195-2022 capability assessment. The item scores are health data and stored encrypted; the sums and
/// levels stay queryable for lists, statistics and priority (ADR 7).
/// </summary>
public sealed class Assessment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ElderId { get; init; }
    public DateOnly AssessedOn { get; init; }
    public AssessmentReason Reason { get; init; }
    public List<string> Assessors { get; init; } = [];
    public required string ItemsProtected { get; init; }
    public bool Coma { get; init; }
    public bool DiagnosedMentalDisorder { get; init; }
    public int RiskEvents30d { get; init; }
    public int SelfCare { get; init; }
    public int Motor { get; init; }
    public int Mental { get; init; }
    public int Perception { get; init; }
    public int Total { get; init; }
    public int InitialLevel { get; init; }
    public int Level { get; init; }
    public Guid? RecordedBy { get; init; }
    public DateTime RecordedAt { get; init; }
    /// <summary>报告编号 (公文文号, 荣昌民评〔2026〕000123号), given when recorded; null for assessments recorded before numbering.</summary>
    public string? ReportNumber { get; init; }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> e)
    {
        e.Property(a => a.Reason).HasMaxLength(20);
        e.Property(a => a.ItemsProtected).HasMaxLength(2000);
        e.PrimitiveCollection(a => a.Assessors);
        e.Property(a => a.ReportNumber).HasMaxLength(40);
        e.HasIndex(a => new { a.ElderId, a.AssessedOn });
        e.HasOne<Elders.Elder>().WithMany().HasForeignKey(a => a.ElderId).OnDelete(DeleteBehavior.Cascade);
    }
}
