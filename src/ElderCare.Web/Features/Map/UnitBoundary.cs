using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Map;

/// <summary>
/// The boundary of a street or town, or a community or village, as the district imported it from GeoJSON (养老服务地图,
/// 二(四)): the full geometry and, beside it, the one simplified for drawing; both GeoJSON geometry text (WGS-84).
/// One per region code: a new import replaces it.
/// </summary>
public sealed class UnitBoundary
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string RegionCode { get; init; }
    public required string Geometry { get; set; }
    public required string Display { get; set; }
    public int Points { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}

internal sealed class UnitBoundaryConfiguration : IEntityTypeConfiguration<UnitBoundary>
{
    public void Configure(EntityTypeBuilder<UnitBoundary> e)
    {
        e.Property(x => x.RegionCode).HasMaxLength(12);
        e.Property(x => x.UpdatedBy).HasMaxLength(100);
        e.HasIndex(x => x.RegionCode).IsUnique();
    }
}
