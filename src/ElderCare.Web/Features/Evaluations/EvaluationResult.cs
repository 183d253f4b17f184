using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Evaluations;

/// <summary>What an evaluation decides (三(二)(三)): the yearly service-quality evaluation grades a facility, the construction
/// acceptance (验收) passes or fails it.</summary>
public enum EvaluationKind { Annual, Acceptance }

/// <summary>优秀 / 良好 / 合格 / 不合格, from the score bands of the evaluation's template.</summary>
public enum EvaluationGrade { Excellent, Good, Pass, Fail }

/// <summary>
/// The locked outcome of one evaluation of one facility: written when the district approves and locks it, never
/// changed after (a re-evaluation is a new round). The money cycle pays against these rows only.
/// </summary>
public sealed class EvaluationResult
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid FacilityId { get; init; }
    public int Year { get; init; }
    public EvaluationKind Kind { get; init; }

    /// <summary>The round and the evaluation (scored sheet) it comes from.</summary>
    public Guid RoundId { get; init; }

    public Guid EvaluationId { get; init; }

    /// <summary>Total score out of 100, to one decimal.</summary>
    public decimal Score { get; init; }

    public EvaluationGrade Grade { get; init; }

    /// <summary>Acceptance: passed (合格 or better); annual: graded 合格 or better.</summary>
    public bool Passed => Grade != EvaluationGrade.Fail;

    public required string ApprovedBy { get; init; }
    public DateTime ApprovedAt { get; init; }
}

public sealed class EvaluationResultConfiguration : IEntityTypeConfiguration<EvaluationResult>
{
    public void Configure(EntityTypeBuilder<EvaluationResult> e)
    {
        e.HasIndex(x => new { x.FacilityId, x.Year, x.Kind }).IsUnique();
        e.Property(x => x.Score).HasPrecision(5, 1);
        e.Property(x => x.ApprovedBy).HasMaxLength(64);
        e.Ignore(x => x.Passed);
    }
}
