using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Assessments;

/// <summary>The secondary instruments beside GB/T 42195-2022: Barthel (STANDARDS.md §3) and the 特困 six-indicator rule (§8).</summary>
public enum SecondaryInstrument { Barthel, ExtremePovertySelfCare }

/// <summary>
/// A Barthel index or a 特困人员生活自理能力 determination. They never set the elder's capability level (only the national
/// assessment does); they back the Barthel 护理分级 and the 特困 care tier (全自理 / 半护理 / 全护理). The answers are
/// health data and stored encrypted; the score and grade stay queryable.
/// </summary>
public sealed class SecondaryAssessment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ElderId { get; init; }
    public SecondaryInstrument Instrument { get; init; }
    public DateOnly AssessedOn { get; init; }
    public required string Assessor { get; init; }

    /// <summary>Barthel: item scores; self-care: the indicators not achieved (JSON, encrypted).</summary>
    public required string AnswersProtected { get; init; }

    /// <summary>Barthel: total 0–100; self-care: number of indicators not achieved 0–6.</summary>
    public int Score { get; init; }

    /// <summary>Barthel: <see cref="BarthelDependency"/>; self-care: <see cref="SelfCareAbility"/> (enum name).</summary>
    public required string Grade { get; init; }

    public Guid? RecordedBy { get; init; }
    public DateTime RecordedAt { get; init; }
}

internal sealed class SecondaryAssessmentConfiguration : IEntityTypeConfiguration<SecondaryAssessment>
{
    public void Configure(EntityTypeBuilder<SecondaryAssessment> e)
    {
        e.Property(a => a.Instrument).HasMaxLength(30);
        e.Property(a => a.Assessor).HasMaxLength(50);
        e.Property(a => a.AnswersProtected).HasMaxLength(1000);
        e.Property(a => a.Grade).HasMaxLength(20);
        e.HasIndex(a => new { a.ElderId, a.Instrument, a.AssessedOn });
        e.HasOne<Elders.Elder>().WithMany().HasForeignKey(a => a.ElderId).OnDelete(DeleteBehavior.Cascade);
    }
}
