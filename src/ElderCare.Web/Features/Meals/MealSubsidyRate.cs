using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Meals;

/// <summary>Groups a meal subsidy is paid for; an elder in several takes the highest rate.</summary>
public enum MealSubsidyGroup { ExtremePoverty, Subsistence, Incapacitated, AdvancedAge, Elder }

/// <summary>
/// The subsidy per meal for a group from a date on. The Rongchang policy names meal assistance but sets no rate, so the
/// rates are district data (ADR 10); the latest rate effective on the meal's date applies.
/// </summary>
public sealed class MealSubsidyRate : Shared.IPlaceholderFigure
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public MealSubsidyGroup Group { get; init; }
    public DateOnly EffectiveFrom { get; init; }
    public long PerMealFen { get; set; }
    public required string Source { get; set; }

    /// <summary>When and by whom the district confirmed the rate; null: a placeholder, shown 待确认 (ADR 0023).</summary>
    public DateTime? ConfirmedAt { get; set; }
    public string? ConfirmedBy { get; set; }

    public bool Confirmed => ConfirmedAt is not null;
}

internal sealed class MealSubsidyRateConfiguration : IEntityTypeConfiguration<MealSubsidyRate>
{
    public void Configure(EntityTypeBuilder<MealSubsidyRate> e)
    {
        e.Property(x => x.Group).HasMaxLength(30);
        e.Property(x => x.Source).HasMaxLength(200);
        e.Property(x => x.ConfirmedBy).HasMaxLength(100);
        e.Ignore(x => x.Confirmed);
        e.HasIndex(x => new { x.Group, x.EffectiveFrom }).IsUnique();
    }
}
