using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Meals;

/// <summary>
/// A cooking batch of a kitchen for a day and meal: when it was cooked (the 2 h rule counts from here) and its food
/// sample (留样): when taken, kept until, disposed (48 h retention).
/// </summary>
public sealed class FoodBatch
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid KitchenId { get; init; }
    public DateOnly Date { get; init; }
    public Meal Meal { get; init; }

    /// <summary>The set cooked, or null for all sets of the meal.</summary>
    public string? SetCode { get; init; }

    public DateTime CookedAt { get; init; }
    public DateTime? SampleTakenAt { get; set; }
    public DateTime? SampleKeptUntil { get; set; }
    public DateTime? SampleDisposedAt { get; set; }
    public required string RecordedBy { get; init; }
    public DateTime CreatedAt { get; init; }
}

internal sealed class FoodBatchConfiguration : IEntityTypeConfiguration<FoodBatch>
{
    public void Configure(EntityTypeBuilder<FoodBatch> e)
    {
        e.Property(x => x.Meal).HasMaxLength(10);
        e.Property(x => x.SetCode).HasMaxLength(10);
        e.Property(x => x.RecordedBy).HasMaxLength(100);
        e.HasOne<Kitchen>().WithMany().HasForeignKey(x => x.KitchenId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.KitchenId, x.Date, x.Meal });
    }
}
