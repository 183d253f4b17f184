using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Supervision;

/// <summary>The result of one checklist item: 符合 / 不符合 / 不适用.</summary>
public enum ItemResult { Pass, Fail, NotApplicable }

/// <summary>
/// One facility inspected in a round (三(一)): the inspector, the date, and a result with a note per checklist item.
/// <see cref="InspectedAt"/> is the app clock when the results were recorded; rectification deadlines run from it.
/// </summary>
public sealed class Inspection
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid RoundId { get; init; }
    public Guid FacilityId { get; init; }

    /// <summary>The facility's street or town (a town officer's scope).</summary>
    public required string UnitCode { get; init; }

    public required string Inspector { get; init; }
    public DateOnly InspectedOn { get; init; }
    public DateTime InspectedAt { get; init; }
    public List<InspectionResult> Results { get; init; } = [];
    public required string RecordedBy { get; init; }
}

/// <summary>The result of one checklist item in an inspection, with the inspector's note.</summary>
public sealed class InspectionResult
{
    public required string ItemCode { get; set; }
    public ItemResult Result { get; set; }
    public string? Note { get; set; }
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> e)
    {
        e.Property(x => x.UnitCode).HasMaxLength(9);
        e.Property(x => x.Inspector).HasMaxLength(50);
        e.Property(x => x.RecordedBy).HasMaxLength(100);
        e.OwnsMany(x => x.Results, r => r.ToJson());
        e.HasOne<SupervisionRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Facilities.Facility>().WithMany().HasForeignKey(x => x.FacilityId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.RoundId, x.FacilityId }).IsUnique();
        e.HasIndex(x => new { x.FacilityId, x.InspectedOn }); // repeats: the same facility's earlier inspection days
        e.HasIndex(x => x.UnitCode);
    }
}
