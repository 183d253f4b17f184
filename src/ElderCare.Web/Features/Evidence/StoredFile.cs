using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Evidence;

/// <summary>
/// What a row says about bytes kept in the <see cref="IEvidenceStore"/>: an evidence file or a visit's photo or signature
/// (<see cref="EvidenceFile"/> says what each column means).
/// </summary>
public interface IStoredFile
{
    string ContentType { get; }
    string Sha256 { get; }
    string StorageKey { get; }
    string UploadedBy { get; }
}

internal static class StoredFileConfiguration
{
    /// <summary>The column sizes every stored file's row shares.</summary>
    public static void HasStoredFileColumns<T>(this EntityTypeBuilder<T> e) where T : class, IStoredFile
    {
        e.Property(nameof(IStoredFile.ContentType)).HasMaxLength(100);
        e.Property(nameof(IStoredFile.Sha256)).HasMaxLength(64);
        e.Property(nameof(IStoredFile.StorageKey)).HasMaxLength(100);
        e.Property(nameof(IStoredFile.UploadedBy)).HasMaxLength(100);
    }
}
