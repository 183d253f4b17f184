using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Services;

/// <summary>
/// Who delivers services: a facility of the registry (a centre or station sending services into homes) or a
/// registered organisation without one. An operator sees the providers of its facilities.
/// </summary>
public sealed class ServiceProvider
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public Guid? FacilityId { get; set; }

    /// <summary>The street or town (9 digits) where it is based; town officers see providers of their unit.</summary>
    public required string UnitCode { get; set; }

    /// <summary>统一社会信用代码 of a registered organisation.</summary>
    public string? CreditCode { get; set; }

    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; init; }
}

internal sealed class ServiceProviderConfiguration : IEntityTypeConfiguration<ServiceProvider>
{
    public void Configure(EntityTypeBuilder<ServiceProvider> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.UnitCode).HasMaxLength(9);
        e.Property(x => x.CreditCode).HasMaxLength(18);
        e.HasOne<Facilities.Facility>().WithMany().HasForeignKey(x => x.FacilityId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.UnitCode);
    }
}
