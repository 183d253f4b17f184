using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Supervision;

/// <summary>Who conducts a round: the district itself or a contracted third party (三(一): 第三方监管).</summary>
public enum RoundConductor { District, ThirdParty }

/// <summary>
/// A monthly supervision round (三(一): 区级每月督导): a year and month, conducted by the district or a named contracted
/// third party, with the checklist in force for the year. One round per month per organisation.
/// </summary>
public sealed class SupervisionRound
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public int Year { get; init; }
    public int Month { get; init; }
    public RoundConductor Conductor { get; init; }

    /// <summary>The organisation conducting it: "区民政局" for the district, else the third party's name.</summary>
    public required string Organisation { get; init; }

    public Guid ChecklistId { get; init; }
    public required string OpenedBy { get; init; }
    public DateTime OpenedAt { get; init; }
}

internal sealed class SupervisionRoundConfiguration : IEntityTypeConfiguration<SupervisionRound>
{
    public void Configure(EntityTypeBuilder<SupervisionRound> e)
    {
        e.Property(x => x.Organisation).HasMaxLength(100);
        e.Property(x => x.OpenedBy).HasMaxLength(100);
        e.HasOne<SupervisionChecklist>().WithMany().HasForeignKey(x => x.ChecklistId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.Year, x.Month, x.Organisation }).IsUnique();
    }
}
