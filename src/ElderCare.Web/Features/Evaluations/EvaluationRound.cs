using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Evaluations;

/// <summary>A round of evaluations the district opens for a year (三(二)(三)): the yearly service-quality evaluation or a
/// construction acceptance; facilities are assigned to evaluator organisations, one sheet per facility.</summary>
public sealed class EvaluationRound
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public int Year { get; set; }
    public EvaluationKind Kind { get; set; }
    public required string Name { get; set; }
    public required string OpenedBy { get; set; }
    public DateTime OpenedAt { get; init; }
}

internal sealed class EvaluationRoundConfiguration : IEntityTypeConfiguration<EvaluationRound>
{
    public void Configure(EntityTypeBuilder<EvaluationRound> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.OpenedBy).HasMaxLength(100);
        e.HasIndex(x => new { x.Year, x.Kind });
    }
}
