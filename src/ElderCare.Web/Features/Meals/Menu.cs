using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Meals;

public enum Meal { Lunch, Dinner }

/// <summary>Diet needs of the meals-on-wheels diet record (PRACTICE.md: diabetic, low-salt, soft).</summary>
public enum DietNeed { Soft, LowSalt, Diabetic, LowFat }

/// <summary>A kitchen's menu for one day and meal: the set meals it cooks.</summary>
public sealed class Menu
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid KitchenId { get; init; }
    public DateOnly Date { get; init; }
    public Meal Meal { get; init; }
    public List<MenuSet> Sets { get; init; } = [];
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A set meal (套餐): dishes, a price tier in fen (e.g. 9 / 11 / 13 yuan) and the diets it suits.</summary>
public sealed class MenuSet
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MenuId { get; init; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public long PriceFen { get; set; }
    public List<string> Dishes { get; set; } = [];
    public List<DietNeed> Suits { get; set; } = [];
}

internal sealed class MenuConfiguration : IEntityTypeConfiguration<Menu>
{
    public void Configure(EntityTypeBuilder<Menu> e)
    {
        e.Property(x => x.Meal).HasMaxLength(10);
        e.HasOne<Kitchen>().WithMany().HasForeignKey(x => x.KitchenId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Sets).WithOne().HasForeignKey(s => s.MenuId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.KitchenId, x.Date, x.Meal }).IsUnique();
    }
}

internal sealed class MenuSetConfiguration : IEntityTypeConfiguration<MenuSet>
{
    public void Configure(EntityTypeBuilder<MenuSet> e)
    {
        e.Property(x => x.Code).HasMaxLength(10);
        e.Property(x => x.Name).HasMaxLength(50);
        e.PrimitiveCollection(x => x.Dishes);
        e.HasIndex(x => new { x.MenuId, x.Code }).IsUnique();
    }
}
