using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Evidence;

/// <summary>
/// What a row says about bytes kept in the <see cref="IEvidenceStore"/>: an <see cref="EvidenceFile"/> or a visit's photo
/// or signature (<see cref="Services.VisitAttachment"/>). The columns every such row shares; each entity adds its owner.
/// </summary>
public abstract class StoredFile
{
    /// <summary>The type sniffed from the bytes (<see cref="EvidenceTypes"/>), never the one the client claimed.</summary>
    public required string ContentType { get; init; }

    public long Length { get; init; }

    /// <summary>SHA-256 of the content, lower-case hex (64 characters).</summary>
    public required string Sha256 { get; init; }

    /// <summary>Where the store keeps the bytes (content-addressed: the same bytes share one key).</summary>
    public required string StorageKey { get; init; }

    public required string UploadedBy { get; init; }
    public DateTime UploadedAt { get; init; }
}

internal static class StoredFileConfiguration
{
    /// <summary>The column sizes every stored file's row shares.</summary>
    public static void HasStoredFileColumns<T>(this EntityTypeBuilder<T> e) where T : StoredFile
    {
        e.Property(f => f.ContentType).HasMaxLength(100);
        e.Property(f => f.Sha256).HasMaxLength(64);
        e.Property(f => f.StorageKey).HasMaxLength(100);
        e.Property(f => f.UploadedBy).HasMaxLength(100);
    }
}
