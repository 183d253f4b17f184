using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Regions;

/// <summary>
/// A corrected region code (ADR 0021): what it was, what it is, why and who. The seed reads it, so a town whose seeded
/// code the district corrected is not added again under its old code.
/// </summary>
public sealed class RegionCodeChange
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string OldCode { get; init; }
    public required string NewCode { get; init; }
    public required string Reason { get; init; }
    public string? ChangedBy { get; init; }
    public DateTime ChangedAt { get; init; }
}

internal sealed class RegionCodeChangeConfiguration : IEntityTypeConfiguration<RegionCodeChange>
{
    public void Configure(EntityTypeBuilder<RegionCodeChange> e)
    {
        e.Property(c => c.OldCode).HasMaxLength(12);
        e.Property(c => c.NewCode).HasMaxLength(12);
        e.Property(c => c.Reason).HasMaxLength(300);
        e.Property(c => c.ChangedBy).HasMaxLength(100);
        e.HasIndex(c => c.OldCode);
    }
}
