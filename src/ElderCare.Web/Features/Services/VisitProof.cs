using ElderCare.Web.Features.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Services;

/// <summary>Where a clock event's position came from: the phone's location service, or typed by hand (with a reason).</summary>
public enum PositionSource { Phone, Typed }

/// <summary>A photo of the work done, or the elder's signature drawn on the caregiver's phone.</summary>
public enum VisitAttachmentKind { Photo, Signature }

/// <summary>
/// What the caregiver's phone adds to a visit (上门服务) besides the clock events on the order: how each position was
/// obtained (the phone's accuracy in metres, or typed by hand with the reason — which flags the visit), the item's
/// checklist steps as they stood at check-out with those ticked, and the elder's signature. One per order.
/// </summary>
public sealed class VisitProof
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrderId { get; init; }
    public PositionSource CheckInSource { get; set; }
    public double? CheckInAccuracy { get; set; }
    public string? CheckInReason { get; set; }
    public PositionSource? CheckOutSource { get; set; }
    public double? CheckOutAccuracy { get; set; }
    public string? CheckOutReason { get; set; }

    /// <summary>The item's checklist when the visit closed (the catalogue may change later).</summary>
    public List<string> ChecklistSteps { get; set; } = [];

    public List<string> ChecklistTicked { get; set; } = [];

    /// <summary>The elder's signature (a PNG <see cref="VisitAttachment"/>); null when the visit code confirmed it instead.</summary>
    public Guid? SignatureId { get; set; }
}

/// <summary>
/// A photo or signature of a visit. The bytes live in the evidence store (<see cref="Evidence.IEvidenceStore"/>, content
/// addressed by SHA-256, the type sniffed from the bytes); this row says whose they are. Scoped like its order.
/// </summary>
public sealed class VisitAttachment : StoredFile
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrderId { get; init; }
    public VisitAttachmentKind Kind { get; init; }
}

/// <summary>
/// The checklist of a catalogue item (服务项目操作步骤), by the item's stable code so it holds across price versions:
/// the steps a caregiver ticks on the phone. Optional: an item without one has no checklist.
/// </summary>
public sealed class ServiceChecklist
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string ItemCode { get; init; }
    public List<string> Steps { get; set; } = [];
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

internal sealed class VisitProofConfiguration : IEntityTypeConfiguration<VisitProof>
{
    public void Configure(EntityTypeBuilder<VisitProof> e)
    {
        e.Property(x => x.CheckInSource).HasMaxLength(10);
        e.Property(x => x.CheckOutSource).HasMaxLength(10);
        e.Property(x => x.CheckInReason).HasMaxLength(300);
        e.Property(x => x.CheckOutReason).HasMaxLength(300);
        e.HasIndex(x => x.OrderId).IsUnique();
        e.HasOne<ServiceOrder>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VisitAttachmentConfiguration : IEntityTypeConfiguration<VisitAttachment>
{
    public void Configure(EntityTypeBuilder<VisitAttachment> e)
    {
        e.Property(x => x.Kind).HasMaxLength(10);
        e.HasStoredFileColumns();
        e.HasIndex(x => new { x.OrderId, x.Sha256 }).IsUnique(); // the same bytes for the same visit are one record
        e.HasOne<ServiceOrder>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceChecklistConfiguration : IEntityTypeConfiguration<ServiceChecklist>
{
    public void Configure(EntityTypeBuilder<ServiceChecklist> e)
    {
        e.Property(x => x.ItemCode).HasMaxLength(40);
        e.Property(x => x.UpdatedBy).HasMaxLength(100);
        e.HasIndex(x => x.ItemCode).IsUnique();
    }
}
