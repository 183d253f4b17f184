using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Infrastructure.Documents;

/// <summary>Kinds of official document that carry a 文号 from a yearly sequence.</summary>
public enum DocumentKind { AssessmentReport }

/// <summary>
/// The last 文号 given for one kind of document in one year (荣昌民评〔2026〕000123号 is number 123 of 2026). Numbers are
/// taken only through <see cref="DocumentNumbers.NextAsync"/>, one atomic upsert, so two officers never get the same number.
/// </summary>
public sealed class DocumentNumber
{
    public int Id { get; init; }
    public DocumentKind Kind { get; init; }
    public int Year { get; init; }
    public int Last { get; set; }
}

internal sealed class DocumentNumberConfiguration : IEntityTypeConfiguration<DocumentNumber>
{
    public void Configure(EntityTypeBuilder<DocumentNumber> e)
    {
        e.Property(d => d.Kind).HasMaxLength(40);
        // The upsert's conflict target: one row per kind and year.
        e.HasIndex(d => new { d.Kind, d.Year }).IsUnique();
    }
}
