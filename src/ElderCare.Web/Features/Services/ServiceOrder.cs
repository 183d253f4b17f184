using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Services;

public enum OrderStatus { Requested, Assigned, InProgress, Completed, Cancelled, Missed }

/// <summary>Who raised the order: 家属, 工作人员, 服务站, 服务热线, or a family care bed's care plan.</summary>
public enum OrderChannel { Family, Officer, Station, Hotline, CarePlan }

/// <summary>EVV outcome: not yet completed, verified (counts for subsidies and reports), or flagged with reasons.</summary>
public enum Verification { Pending, Verified, Flagged }

/// <summary>One step of the lifecycle: to which status, when, by whom, and why.</summary>
public sealed class OrderTransition
{
    public OrderStatus Status { get; set; }
    public DateTime At { get; set; }
    public string By { get; set; } = "";
    public string? Note { get; set; }
}

public enum ReviewOutcome { Accepted, Rejected }

/// <summary>
/// An officer's review of a flagged visit (ADR 9, review step): accepted with a reason — the visit then counts as
/// verified, its flags stay — or rejected. Who, when and why are kept and shown; one review per visit.
/// </summary>
public sealed class VisitReview
{
    public ReviewOutcome Outcome { get; set; }
    public string Reason { get; set; } = "";
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>A reason a visit was not verified, with the figures behind it (shown to staff, kept).</summary>
public sealed class VisitFlag
{
    public string Code { get; set; } = "";
    public string Detail { get; set; } = "";
}

/// <summary>
/// 服务工单: an item of the catalogue for an elder in a time window. Price, subsidy and own share are fixed when the
/// order is raised (the catalogue may change later). The visit (上门服务) is its check-in and check-out.
/// </summary>
public sealed class ServiceOrder
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ElderId { get; set; }
    public Guid ServiceItemId { get; set; }

    /// <summary>The catalogue code (stable across versions): the monthly allowance is per elder, item code and month.</summary>
    public required string ItemCode { get; set; }

    public required string ItemName { get; set; }
    public int StandardMinutes { get; set; }
    public Guid? ProviderId { get; set; }
    public Guid? WorkerId { get; set; }

    /// <summary>The elder's street or town and community or village when the order was raised (scope and reports).</summary>
    public required string UnitCode { get; set; }

    public required string RegionCode { get; set; }
    public string? Address { get; set; }
    public DateTime WindowStart { get; set; }
    public DateTime WindowEnd { get; set; }

    /// <summary>yyyymm of the window start in China time: the month whose allowance pays the order.</summary>
    public int ServiceMonth { get; set; }

    public OrderChannel Channel { get; set; }
    public OrderStatus Status { get; set; }
    public long PriceFen { get; set; }
    public long SubsidyFen { get; set; }
    public long OwnShareFen { get; set; }
    public List<OrderTransition> Transitions { get; set; } = [];

    public DateTime? CheckInAt { get; set; }
    public double? CheckInLatitude { get; set; }
    public double? CheckInLongitude { get; set; }
    public DateTime? CheckOutAt { get; set; }
    public double? CheckOutLatitude { get; set; }
    public double? CheckOutLongitude { get; set; }
    public string? Notes { get; set; }
    public string? DurationReason { get; set; }

    /// <summary>Clock-in more than the allowed minutes after the window start.</summary>
    public bool Late { get; set; }

    /// <summary>Keyed hash of the elder's one-time confirmation code (ADR 9); the code itself is never stored in clear.</summary>
    public string? ConfirmCodeHash { get; set; }

    /// <summary>The code, encrypted, kept only until it is used so the family channel can be told it; then erased.</summary>
    public string? ConfirmCodeProtected { get; set; }

    public int ConfirmAttempts { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public Verification Verification { get; set; }
    public List<VisitFlag> Flags { get; set; } = [];

    /// <summary>An officer's review of a flagged visit, if any.</summary>
    public VisitReview? Review { get; set; }
    public int? Rating { get; set; }
    public string? RatingComment { get; set; }
    public Guid? FamilyBedId { get; set; }

    /// <summary>人工指定 (<see cref="Dispatch.Overridable"/>): the rule the assigned worker failed; null when suggested.</summary>
    public DispatchRule? OverrideRule { get; set; }

    /// <summary>Why the officer assigned a worker the suggestion left out, who did and when (the order is flagged).</summary>
    public string? OverrideReason { get; set; }

    public string? OverriddenBy { get; set; }
    public DateTime? OverriddenAt { get; set; }
    public required string RaisedBy { get; set; }
    public DateTime CreatedAt { get; init; }
    public int Version { get; set; } = 1;
}

internal sealed class ServiceOrderConfiguration : IEntityTypeConfiguration<ServiceOrder>
{
    public void Configure(EntityTypeBuilder<ServiceOrder> e)
    {
        e.Property(x => x.ItemCode).HasMaxLength(40);
        e.Property(x => x.ItemName).HasMaxLength(60);
        e.Property(x => x.UnitCode).HasMaxLength(9);
        e.Property(x => x.RegionCode).HasMaxLength(12);
        e.Property(x => x.Address).HasMaxLength(300);
        e.Property(x => x.Channel).HasMaxLength(20);
        e.Property(x => x.Status).HasMaxLength(20);
        e.Property(x => x.Verification).HasMaxLength(20);
        e.Property(x => x.Notes).HasMaxLength(1000);
        e.Property(x => x.DurationReason).HasMaxLength(300);
        e.Property(x => x.ConfirmCodeHash).HasMaxLength(64);
        e.Property(x => x.ConfirmCodeProtected).HasMaxLength(200);
        e.Property(x => x.RatingComment).HasMaxLength(500);
        e.Property(x => x.RaisedBy).HasMaxLength(100);
        e.Property(x => x.OverrideRule).HasMaxLength(20);
        e.Property(x => x.OverrideReason).HasMaxLength(300);
        e.Property(x => x.OverriddenBy).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.OwnsMany(x => x.Transitions, t => t.ToJson());
        e.OwnsMany(x => x.Flags, f => f.ToJson());
        e.OwnsOne(x => x.Review, r => r.ToJson());
        e.HasOne<Elders.Elder>().WithMany().HasForeignKey(x => x.ElderId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ServiceItem>().WithMany().HasForeignKey(x => x.ServiceItemId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ServiceProvider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Worker>().WithMany().HasForeignKey(x => x.WorkerId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ProviderId, x.WindowStart });
        e.HasIndex(x => new { x.WorkerId, x.WindowStart });
        e.HasIndex(x => new { x.ElderId, x.WindowStart });
        e.HasIndex(x => new { x.ElderId, x.ItemCode, x.ServiceMonth });
        e.HasIndex(x => new { x.UnitCode, x.WindowStart });
        e.HasIndex(x => new { x.ServiceMonth, x.Verification });
    }
}

/// <summary>回访: a completed order drawn for a follow-up call, and what the call found.</summary>
public sealed class FollowUp
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrderId { get; set; }
    public DateTime QueuedAt { get; set; }
    public DateTime? CalledAt { get; set; }
    public string? CalledBy { get; set; }
    public bool? Reached { get; set; }
    public bool? ServiceHappened { get; set; }
    public bool? Satisfied { get; set; }
    public string? Notes { get; set; }
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> e)
    {
        e.Property(x => x.CalledBy).HasMaxLength(100);
        e.Property(x => x.Notes).HasMaxLength(1000);
        e.HasOne<ServiceOrder>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.OrderId).IsUnique();
        e.HasIndex(x => x.CalledAt);
    }
}

/// <summary>严重 / 一般 / 轻微: handled within 3 / 7 / 15 days by default.</summary>
public enum ComplaintSeverity { Serious, General, Minor }

/// <summary>A complaint about an order, with its handling deadline.</summary>
public sealed class Complaint
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrderId { get; set; }
    public ComplaintSeverity Severity { get; set; }
    public required string Text { get; set; }
    public DateTime ReceivedAt { get; set; }
    public DateTime DueAt { get; set; }
    public required string ReceivedBy { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public string? Resolution { get; set; }
}

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> e)
    {
        e.Property(x => x.Severity).HasMaxLength(20);
        e.Property(x => x.Text).HasMaxLength(1000);
        e.Property(x => x.ReceivedBy).HasMaxLength(100);
        e.Property(x => x.ResolvedBy).HasMaxLength(100);
        e.Property(x => x.Resolution).HasMaxLength(1000);
        e.HasOne<ServiceOrder>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ResolvedAt, x.DueAt });
    }
}
