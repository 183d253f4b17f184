using ElderCare.Web.Features.Facilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Evaluations;

/// <summary>The four groups of the yearly service-quality evaluation (三(二)(三)): 人员配备, 服务内容, 服务质量, 群众反馈.</summary>
public enum IndicatorGroup { Staffing, ServiceContent, Quality, Feedback }

/// <summary>
/// An evaluation template as data (三(二)(三)), versioned by year: the template in force for a year is the one of that kind
/// and facility type with the latest <see cref="Year"/> not after it. Annual templates are per facility type; the
/// construction acceptance (验收) template has no type (it serves every type). Seeded defaults are placeholders marked
/// 待确认 until the district confirms them (ADR 0023).
/// </summary>
public sealed class EvaluationTemplate : Shared.IPlaceholderFigure
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public int Year { get; set; }
    public EvaluationKind Kind { get; set; }

    /// <summary>The facility type an annual template grades; null: every type (the acceptance template).</summary>
    public FacilityType? FacilityType { get; set; }

    public required string Name { get; set; }
    public List<EvaluationIndicator> Indicators { get; set; } = [];

    /// <summary>Grade bands, as data: the lowest total score of each grade (inclusive); below every band is 不合格.</summary>
    public List<GradeBand> Bands { get; set; } = [];

    public required string Source { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public string? ConfirmedBy { get; set; }
    public bool Confirmed => ConfirmedAt is not null;
}

/// <summary>One indicator: its points (the indicators of a template sum to 100), how to score it, and whether evidence is required.</summary>
public sealed class EvaluationIndicator
{
    public required string Key { get; set; }
    public IndicatorGroup Group { get; set; }
    public required string Name { get; set; }
    public int MaxPoints { get; set; }
    public required string HowToScore { get; set; }
    public bool EvidenceRequired { get; set; }
}

/// <summary>A grade and the lowest total score that earns it (inclusive).</summary>
public sealed class GradeBand
{
    public EvaluationGrade Grade { get; set; }
    public decimal MinScore { get; set; }
}

internal sealed class EvaluationTemplateConfiguration : IEntityTypeConfiguration<EvaluationTemplate>
{
    public void Configure(EntityTypeBuilder<EvaluationTemplate> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Source).HasMaxLength(200);
        e.Property(x => x.ConfirmedBy).HasMaxLength(100);
        e.Ignore(x => x.Confirmed);
        e.OwnsMany(x => x.Indicators, i => i.ToJson());
        e.OwnsMany(x => x.Bands, b => b.ToJson());
        e.HasIndex(x => new { x.Year, x.Kind, x.FacilityType }).IsUnique();
    }
}
