using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Supervision;

/// <summary>待整改 → 已整改（待复查）→ 已销号, or back to 待整改 with a new deadline when the re-inspection fails.</summary>
public enum FindingStatus { Open, Rectified, Closed }

/// <summary>What happened to a finding (each transition is kept on it and audited as a write).</summary>
public enum FindingAct { Raised, Rectified, Closed, Reopened }

/// <summary>
/// A problem found in an inspection (三(一) supervision; the regulators' 整改 practice): from a failed checklist item or
/// free, with a severity, a rectification deadline from the checklist's table, and photos or PDFs as evidence
/// (Features/Evidence). The facility's operator or the town rectifies; the district or the third party re-inspects.
/// </summary>
public sealed class SupervisionFinding
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InspectionId { get; init; }
    public Guid RoundId { get; init; }
    public Guid FacilityId { get; init; }
    public required string UnitCode { get; init; }

    /// <summary>The failed checklist item, or null for a free finding.</summary>
    public string? ItemCode { get; init; }

    public required string Description { get; init; }
    public FindingSeverity Severity { get; init; }
    public DateTime RaisedAt { get; init; }
    public required string RaisedBy { get; init; }
    public List<Guid> EvidenceIds { get; init; } = [];

    /// <summary>The same item failed at the same facility within the 12 months before (<see cref="SupervisionRules.Repeated"/>).</summary>
    public bool Repeated { get; init; }

    public DateTime DueAt { get; set; }
    public FindingStatus Status { get; set; }

    /// <summary>Set when a rectification was recorded after its deadline (the finding was overdue).</summary>
    public bool RectifiedLate { get; set; }

    public DateTime? RectifiedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public List<FindingEvent> Events { get; set; } = [];
    public int Version { get; set; } = 1;
}

/// <summary>One transition: what, when, by whom, the note and the evidence files.</summary>
public sealed class FindingEvent
{
    public FindingAct Act { get; set; }
    public DateTime At { get; set; }
    public required string By { get; set; }
    public string? Note { get; set; }
    public List<Guid> EvidenceIds { get; set; } = [];

    /// <summary>The deadline the act set (raised, reopened).</summary>
    public DateTime? DueAt { get; set; }
}

internal sealed class SupervisionFindingConfiguration : IEntityTypeConfiguration<SupervisionFinding>
{
    public void Configure(EntityTypeBuilder<SupervisionFinding> e)
    {
        e.Property(x => x.UnitCode).HasMaxLength(9);
        e.Property(x => x.ItemCode).HasMaxLength(50);
        e.Property(x => x.Description).HasMaxLength(500);
        e.Property(x => x.RaisedBy).HasMaxLength(100);
        e.PrimitiveCollection(x => x.EvidenceIds);
        e.OwnsMany(x => x.Events, v =>
        {
            v.ToJson();
            v.PrimitiveCollection(x => x.EvidenceIds);
        });
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Inspection>().WithMany().HasForeignKey(x => x.InspectionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Facilities.Facility>().WithMany().HasForeignKey(x => x.FacilityId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.FacilityId, x.RaisedAt });
        e.HasIndex(x => new { x.Status, x.DueAt });
        e.HasIndex(x => x.UnitCode);
    }
}
