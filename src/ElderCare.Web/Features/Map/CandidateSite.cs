using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Map;

/// <summary>
/// An existing building the district lists as a possible site for a new station or point (选址建议): where it stands and
/// in which community or village. When a district has listed any, site suggestions choose among them.
/// </summary>
public sealed class CandidateSite
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required string Address { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public required string RegionCode { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class CandidateSiteConfiguration : IEntityTypeConfiguration<CandidateSite>
{
    public void Configure(EntityTypeBuilder<CandidateSite> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Address).HasMaxLength(300);
        e.Property(x => x.RegionCode).HasMaxLength(12);
        e.Property(x => x.Note).HasMaxLength(300);
        e.HasIndex(x => new { x.RegionCode, x.Name }).IsUnique();
    }
}
