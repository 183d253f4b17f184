using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Meals;

/// <summary>
/// A regular diner's standing order: the same meal on the chosen weekdays from a date until paused. It yields ordinary
/// meal orders (RaiseMealOrder's rules: diet, menu, subsidy) when the day's orders are generated.
/// </summary>
public sealed class StandingMealOrder
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ElderId { get; init; }
    public Meal Meal { get; init; }

    /// <summary>ISO weekdays as digits, Monday 1 to Sunday 7, e.g. "12345" for weekdays.</summary>
    public required string Weekdays { get; init; }

    /// <summary>Dine-in or delivery; none: the elder's meal record decides on each day.</summary>
    public MealMode? Mode { get; init; }

    /// <summary>A dining point named here (in the creator's scope); none: the elder's meal record's point.</summary>
    public Guid? DiningPointId { get; init; }

    /// <summary>A set code; none: the cheapest set that suits the elder's diet on each day.</summary>
    public string? SetCode { get; init; }

    public DateOnly FromDate { get; init; }
    public DateOnly? PausedOn { get; set; }
    public string? PausedBy { get; set; }
    public bool Paused => PausedOn is not null;
    public required string CreatedBy { get; init; }
    public DateTime CreatedAt { get; init; }
}

internal sealed class StandingMealOrderConfiguration : IEntityTypeConfiguration<StandingMealOrder>
{
    public void Configure(EntityTypeBuilder<StandingMealOrder> e)
    {
        e.Ignore(x => x.Paused);
        e.Property(x => x.Meal).HasMaxLength(10);
        e.Property(x => x.Mode).HasMaxLength(20);
        e.Property(x => x.Weekdays).HasMaxLength(7);
        e.Property(x => x.SetCode).HasMaxLength(10);
        e.Property(x => x.PausedBy).HasMaxLength(100);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.HasOne<Elders.Elder>().WithMany().HasForeignKey(x => x.ElderId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<DiningPoint>().WithMany().HasForeignKey(x => x.DiningPointId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ElderId, x.Meal });
    }
}
