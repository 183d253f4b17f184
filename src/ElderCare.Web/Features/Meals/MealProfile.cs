using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Meals;

public enum MealMode { DineIn, Delivery }

/// <summary>
/// An elder's meal record, kept beside the registry (one per elder): diet needs, where and how the elder eats,
/// and a pause (meals-on-wheels practice: suspend / restart dates, e.g. a hospital stay).
/// </summary>
public sealed class MealProfile
{
    public Guid ElderId { get; init; }
    public List<DietNeed> Diets { get; set; } = [];
    public Guid DiningPointId { get; set; }
    public MealMode Mode { get; set; }

    /// <summary>No meals from this date …</summary>
    public DateOnly? SuspendedFrom { get; set; }

    /// <summary>… until the day before this one (open-ended when null).</summary>
    public DateOnly? ResumesOn { get; set; }

    public string? Notes { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsSuspendedOn(DateOnly date) =>
        SuspendedFrom is { } from && date >= from && (ResumesOn is not { } back || date < back);
}

internal sealed class MealProfileConfiguration : IEntityTypeConfiguration<MealProfile>
{
    public void Configure(EntityTypeBuilder<MealProfile> e)
    {
        e.HasKey(x => x.ElderId);
        e.Property(x => x.Mode).HasMaxLength(20);
        e.Property(x => x.Notes).HasMaxLength(300);
        e.HasOne<Elders.Elder>().WithOne().HasForeignKey<MealProfile>(x => x.ElderId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<DiningPoint>().WithMany().HasForeignKey(x => x.DiningPointId).OnDelete(DeleteBehavior.Restrict);
    }
}
