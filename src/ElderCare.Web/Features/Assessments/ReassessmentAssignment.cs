using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Assessments;

/// <summary>
/// A due reassessment given to an assessor (分配评估员): one per elder, the latest assignment wins. It is on the
/// assessor's to-do until the elder has an assessment dated on or after <see cref="AssignedOn"/> (Reassessment: every
/// 12 months, at once after a change of condition).
/// </summary>
public sealed class ReassessmentAssignment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ElderId { get; init; }

    /// <summary>The assessor: a user whose role may assess elders and whose scope covers the elder.</summary>
    public Guid AssessorId { get; set; }

    /// <summary>The elder's street or town (the scope of the assignment, as the elder's).</summary>
    public required string UnitCode { get; set; }

    /// <summary>When the reassessment is due and why (Reassessment.Due), as at assignment.</summary>
    public DateOnly DueOn { get; set; }

    public AssessmentReason Reason { get; set; }

    /// <summary>China calendar day of the assignment: an assessment from this day on completes it.</summary>
    public DateOnly AssignedOn { get; set; }

    public DateTime AssignedAt { get; set; }
    public required string AssignedBy { get; set; }
}

internal sealed class ReassessmentAssignmentConfiguration : IEntityTypeConfiguration<ReassessmentAssignment>
{
    public void Configure(EntityTypeBuilder<ReassessmentAssignment> e)
    {
        e.Property(x => x.UnitCode).HasMaxLength(9);
        e.Property(x => x.Reason).HasMaxLength(20);
        e.Property(x => x.AssignedBy).HasMaxLength(100);
        e.HasOne<Elders.Elder>().WithMany().HasForeignKey(x => x.ElderId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.ElderId).IsUnique();
        e.HasIndex(x => x.AssessorId); // the assessor's to-do
    }
}
