using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Reports;

/// <summary>
/// The quarterly report form as data (三、保障措施, DHIS2's data set), versioned by year: the form in force for a quarter is
/// the one with the latest <see cref="Year"/> not after the quarter's year. Each indicator names one of the computations
/// of <see cref="ReportIndicators"/> by its code; the seeded default is a placeholder marked 待确认 (ADR 0023).
/// </summary>
public sealed class ReportForm : Shared.IPlaceholderFigure
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public int Year { get; set; }
    public required string Name { get; set; }
    public List<ReportFormIndicator> Indicators { get; set; } = [];
    public required string Source { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public string? ConfirmedBy { get; set; }
    public bool Confirmed => ConfirmedAt is not null;
}

/// <summary>One line of the form: the computation's code, its name, unit and definition, and the policy line it serves.</summary>
public sealed class ReportFormIndicator
{
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>个 / 人 / 次 / 份 / ratio / fen.</summary>
    public required string Unit { get; set; }

    public required string Definition { get; set; }
    public required string Policy { get; set; }
}

internal sealed class ReportFormConfiguration : IEntityTypeConfiguration<ReportForm>
{
    public void Configure(EntityTypeBuilder<ReportForm> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Source).HasMaxLength(200);
        e.Property(x => x.ConfirmedBy).HasMaxLength(100);
        e.OwnsMany(x => x.Indicators, i => i.ToJson());
        e.HasIndex(x => x.Year).IsUnique();
    }
}
