using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Coverage;

/// <summary>A KPI target from the policy (一、工作目标), as data with the date it takes effect.</summary>
public sealed class KpiTarget
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Key { get; init; }
    public DateOnly EffectiveFrom { get; init; }
    public double Target { get; set; }
    public DateOnly Deadline { get; set; }
    public required string Source { get; set; }
}

internal sealed class KpiTargetConfiguration : IEntityTypeConfiguration<KpiTarget>
{
    public void Configure(EntityTypeBuilder<KpiTarget> e)
    {
        e.Property(t => t.Key).HasMaxLength(60);
        e.Property(t => t.Source).HasMaxLength(200);
        e.HasIndex(t => new { t.Key, t.EffectiveFrom }).IsUnique();
    }
}
