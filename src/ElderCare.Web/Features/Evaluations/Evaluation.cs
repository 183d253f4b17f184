using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Evaluations;

/// <summary>草稿 → 已提交 → 有异议 → (resubmitted) 已提交 → 已审定 (locked).</summary>
public enum EvaluationStatus { Draft, Submitted, Objected, Approved }

/// <summary>
/// One facility's evaluation sheet in a round (三(二)(三)): scored by the assigned evaluators against the template in force,
/// seen by the facility, objected to once, approved and locked by the district (then an <see cref="EvaluationResult"/> row).
/// </summary>
public sealed class Evaluation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid RoundId { get; init; }
    public Guid FacilityId { get; init; }

    /// <summary>The facility's street or town (a town officer's scope).</summary>
    public required string UnitCode { get; init; }

    public Guid TemplateId { get; init; }
    public required string EvaluatorOrganisation { get; set; }

    /// <summary>The users (role Evaluator) who may score this sheet; nobody else sees it among the evaluators.</summary>
    public List<Guid> EvaluatorUserIds { get; set; } = [];

    public EvaluationStatus Status { get; set; }
    public List<EvaluationScore> Scores { get; init; } = [];

    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }

    /// <summary>The facility's one objection (三(二)(三): the facility may object once, with a reason).</summary>
    public string? ObjectionReason { get; set; }

    public string? ObjectedBy { get; set; }
    public DateTime? ObjectedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public int Version { get; set; } = 1;
    public required string AssignedBy { get; init; }
    public DateTime AssignedAt { get; init; }
}

/// <summary>The points an evaluator gave one indicator, with a note and the evidence files it rests on.</summary>
public sealed class EvaluationScore
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EvaluationId { get; init; }
    public required string IndicatorKey { get; init; }
    public decimal Points { get; set; }
    public string? Note { get; set; }
    public List<Guid> EvidenceIds { get; set; } = [];
    public required string ScoredBy { get; set; }
    public DateTime ScoredAt { get; set; }
}

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> e)
    {
        e.Property(x => x.UnitCode).HasMaxLength(9);
        e.Property(x => x.EvaluatorOrganisation).HasMaxLength(100);
        e.PrimitiveCollection(x => x.EvaluatorUserIds);
        e.Property(x => x.ObjectionReason).HasMaxLength(300);
        e.Property(x => x.SubmittedBy).HasMaxLength(100);
        e.Property(x => x.ObjectedBy).HasMaxLength(100);
        e.Property(x => x.ApprovedBy).HasMaxLength(100);
        e.Property(x => x.AssignedBy).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<EvaluationRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Facilities.Facility>().WithMany().HasForeignKey(x => x.FacilityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<EvaluationTemplate>().WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Scores).WithOne().HasForeignKey(s => s.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.RoundId, x.FacilityId }).IsUnique();
        e.HasIndex(x => x.FacilityId);
        e.HasIndex(x => x.UnitCode);
    }
}

internal sealed class EvaluationScoreConfiguration : IEntityTypeConfiguration<EvaluationScore>
{
    public void Configure(EntityTypeBuilder<EvaluationScore> e)
    {
        e.Property(x => x.IndicatorKey).HasMaxLength(50);
        e.Property(x => x.Points).HasPrecision(5, 1);
        e.Property(x => x.Note).HasMaxLength(500);
        e.Property(x => x.ScoredBy).HasMaxLength(100);
        e.PrimitiveCollection(x => x.EvidenceIds);
        e.HasIndex(x => new { x.EvaluationId, x.IndicatorKey }).IsUnique();
    }
}
