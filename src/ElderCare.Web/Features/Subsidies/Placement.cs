using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Subsidies;

/// <summary>特困人员 placed in a centre (集中供养): from a date to a date (inclusive) or open; the district pays the 敬老院 rate.</summary>
public sealed class Placement
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ElderId { get; init; }
    public Guid FacilityId { get; init; }

    /// <summary>The street or town of the facility: the fee goes through it (三(二)(三)).</summary>
    public required string UnitCode { get; init; }

    public DateOnly From { get; init; }
    public DateOnly? To { get; set; }
    public required string RecordedBy { get; init; }
    public DateTime RecordedAt { get; init; }
}

internal sealed class PlacementConfiguration : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> e)
    {
        e.Property(x => x.UnitCode).HasMaxLength(9);
        e.Property(x => x.RecordedBy).HasMaxLength(64);
        e.HasIndex(x => new { x.ElderId, x.From });
        e.HasIndex(x => x.FacilityId);
    }
}
