using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Regions;

public enum RegionKind { District, Street, Town, Community, Village }

/// <summary>An administrative unit with its official statistical division code (区 6 位, 镇街 9 位, 村社区 12 位).</summary>
public sealed class Region
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public RegionKind Kind { get; init; }
    public string? ParentCode { get; init; }

    /// <summary>行政村数 of a street or town (from the plan; editable). Required village points follow it.</summary>
    public int? VillageCount { get; set; }

    /// <summary>社区数 of a street or town (editable). Required community stations follow it.</summary>
    public int? CommunityCount { get; set; }

    /// <summary>常住人口 (editable input).</summary>
    public int? Population { get; set; }

    /// <summary>60 岁及以上人口 (editable input).</summary>
    public int? ElderlyPopulation { get; set; }

    /// <summary>The street or town a code belongs to (its first 9 digits), or null for the district itself.</summary>
    public static string? UnitOf(string code) => code.Length >= 9 ? code[..9] : null;

    public static bool IsUnit(RegionKind kind) => kind is RegionKind.Street or RegionKind.Town;

    /// <summary>district → street / town → community / village (区 → 街道/镇 → 社区/行政村).</summary>
    public static bool CanSitUnder(RegionKind child, RegionKind parent) => (parent, child) switch
    {
        (RegionKind.District, RegionKind.Street or RegionKind.Town) => true,
        (RegionKind.Street or RegionKind.Town, RegionKind.Community or RegionKind.Village) => true,
        _ => false,
    };

    /// <summary>Code length by kind: district 6, street/town 9, community/village 12 (GB/T 2260 and 统计用区划代码).</summary>
    public static int CodeLength(RegionKind kind) => kind switch
    {
        RegionKind.District => 6,
        RegionKind.Street or RegionKind.Town => 9,
        _ => 12,
    };
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> e)
    {
        e.HasKey(r => r.Code);
        e.Property(r => r.Code).HasMaxLength(12);
        e.Property(r => r.Name).HasMaxLength(100);
        e.Property(r => r.Kind).HasMaxLength(20);
        e.Property(r => r.ParentCode).HasMaxLength(12);
        e.HasIndex(r => r.ParentCode);
    }
}
