using ElderCare.Web.Features.Facilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Evidence;

/// <summary>
/// One evidence file (三(二)(三): payment only against evidence) — a photo, PDF or spreadsheet that a score, an
/// objection or a payment stands on. The bytes live outside the database in an <see cref="IEvidenceStore"/> under a key
/// derived from their SHA-256; this row says whose they are. Every file belongs to a facility and is scoped like it.
/// </summary>
public sealed class EvidenceFile : StoredFile
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid FacilityId { get; init; }

    /// <summary>The street or town of the facility when the file was uploaded (for reports; scope is the facility's own).</summary>
    public required string UnitCode { get; init; }

    /// <summary>The name the uploader gave (path removed, cleaned as free text); never used to decide the type.</summary>
    public required string FileName { get; init; }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> e)
    {
        e.Property(f => f.UnitCode).HasMaxLength(9);
        e.Property(f => f.FileName).HasMaxLength(200);
        e.HasStoredFileColumns();
        e.HasOne<Facility>().WithMany().HasForeignKey(f => f.FacilityId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(f => new { f.FacilityId, f.Sha256 }).IsUnique(); // the same bytes for the same facility are one record
    }
}
