using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Meals;

/// <summary>
/// 中央厨房: cooks for its dining points (实施方案 二、4: 中央厨房+社区配送+集中就餐). It may be run by a facility; its
/// street or town decides which town officer sees it.
/// </summary>
public sealed class Kitchen
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public Guid? FacilityId { get; set; }
    public required string RegionCode { get; set; }
    public required string UnitCode { get; set; }
    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public DateTime CreatedAt { get; init; }
}

/// <summary>助餐点: where elders eat together and where delivery rounds start; linked to a facility and its kitchen.</summary>
public sealed class DiningPoint
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public Guid FacilityId { get; set; }
    public Guid KitchenId { get; set; }
    public required string RegionCode { get; set; }
    public required string UnitCode { get; set; }
    public string? Address { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public DateTime CreatedAt { get; init; }
}

internal sealed class KitchenConfiguration : IEntityTypeConfiguration<Kitchen>
{
    public void Configure(EntityTypeBuilder<Kitchen> e) => MealSiteColumns.Configure(e);
}

internal sealed class DiningPointConfiguration : IEntityTypeConfiguration<DiningPoint>
{
    public void Configure(EntityTypeBuilder<DiningPoint> e)
    {
        MealSiteColumns.Configure(e);
        e.HasOne<Kitchen>().WithMany().HasForeignKey(x => x.KitchenId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>What a kitchen and a dining point store alike: name, region and address lengths, the facility, the unit index.</summary>
internal static class MealSiteColumns
{
    public static void Configure<TSite>(EntityTypeBuilder<TSite> e) where TSite : class
    {
        e.Property<string>("Name").HasMaxLength(200);
        e.Property<string>("RegionCode").HasMaxLength(12);
        e.Property<string>("UnitCode").HasMaxLength(9);
        e.Property<string>("Address").HasMaxLength(300);
        e.HasOne<Facilities.Facility>().WithMany().HasForeignKey("FacilityId").OnDelete(DeleteBehavior.Restrict);
        e.HasIndex("UnitCode");
    }
}
