using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Meals;

/// <summary>Cancelled orders stay on record but count nowhere: not in production lists, route sheets or billing.</summary>
public enum MealOrderStatus { Ordered, Served, Delivered, Cancelled }

/// <summary>
/// One elder's meal on a day: where it is eaten or delivered, the set, and the money split at ordering time (the
/// subsidy rate then in force). Diets are copied so the kitchen cooks what was asked even if the record changes later.
/// </summary>
public sealed class MealOrder
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ElderId { get; init; }
    public DateOnly Date { get; init; }
    public Meal Meal { get; init; }
    public MealMode Mode { get; init; }
    public Guid DiningPointId { get; init; }
    public Guid KitchenId { get; init; }

    /// <summary>The dining point's street or town and facility, and the kitchen's facility: the order's scope.</summary>
    public required string UnitCode { get; init; }

    public Guid FacilityId { get; init; }
    public Guid? KitchenFacilityId { get; init; }
    public required string SetCode { get; init; }
    public required string SetName { get; init; }
    public List<DietNeed> Diets { get; init; } = [];
    public long PriceFen { get; init; }
    public MealSubsidyGroup? SubsidyGroup { get; init; }
    public long SubsidyFen { get; init; }
    public long OwnShareFen { get; init; }
    public MealOrderStatus Status { get; set; }

    /// <summary>Check-in at the dining point or hand-over at the door: when the meal was eaten (2 h rule).</summary>
    public DateTime? ServedAt { get; set; }

    public double? DeliveredLatitude { get; set; }
    public double? DeliveredLongitude { get; set; }

    /// <summary>What the driver saw (PRACTICE.md: drivers report a change in the client's condition).</summary>
    public string? ServiceNote { get; set; }

    public string? ServedBy { get; set; }
    public required string OrderedBy { get; init; }
    public DateTime CreatedAt { get; init; }
}

internal sealed class MealOrderConfiguration : IEntityTypeConfiguration<MealOrder>
{
    public void Configure(EntityTypeBuilder<MealOrder> e)
    {
        e.Property(x => x.Meal).HasMaxLength(10);
        e.Property(x => x.Mode).HasMaxLength(20);
        e.Property(x => x.Status).HasMaxLength(20);
        e.Property(x => x.SubsidyGroup).HasMaxLength(30);
        e.Property(x => x.UnitCode).HasMaxLength(9);
        e.Property(x => x.SetCode).HasMaxLength(10);
        e.Property(x => x.SetName).HasMaxLength(50);
        e.Property(x => x.ServiceNote).HasMaxLength(300);
        e.Property(x => x.ServedBy).HasMaxLength(100);
        e.Property(x => x.OrderedBy).HasMaxLength(100);
        e.HasOne<Elders.Elder>().WithMany().HasForeignKey(x => x.ElderId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<DiningPoint>().WithMany().HasForeignKey(x => x.DiningPointId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ElderId, x.Date, x.Meal }).IsUnique();
        e.HasIndex(x => new { x.KitchenId, x.Date, x.Meal });
        e.HasIndex(x => new { x.DiningPointId, x.Date, x.Meal });
    }
}
