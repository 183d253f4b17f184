using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Facilities;

/// <summary>
/// The construction standard of one facility type from a date on (附件1). Thresholds are data so the district can
/// follow a new notice without a release; the latest standard effective on a date applies.
/// </summary>
public sealed class ConstructionStandard
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public FacilityType Type { get; init; }
    public DateOnly EffectiveFrom { get; init; }
    public double MinFloorArea { get; set; }

    /// <summary>社区老年人口较少的，可不低于 200 ㎡ (community stations only).</summary>
    public double? MinFloorAreaSmallCommunity { get; set; }

    /// <summary>Minimum elderly-care beds (街道中心托养护理区 ≥ 20 张); 0 when the standard sets none.</summary>
    public int MinBeds { get; set; }

    public List<Zone> RequiredZones { get; set; } = [];

    /// <summary>Advisory: nursing-type beds where possible (镇中心 ≥ 20 张护理型床位).</summary>
    public int AdvisoryMinNursingBeds { get; set; }

    /// <summary>Advisory: day-care beds where possible (社区站有条件的设置日间照料床位).</summary>
    public bool AdvisoryDayCareBeds { get; set; }

    /// <summary>Advisory: co-located with or near the health station (与社区卫生服务站毗邻/同址).</summary>
    public bool AdvisoryColocation { get; set; }

    /// <summary>Where the rule comes from, quoted in findings.</summary>
    public required string Source { get; set; }

    public static ConstructionStandard? EffectiveOn(IEnumerable<ConstructionStandard> standards, FacilityType type, DateOnly on) =>
        standards.Where(s => s.Type == type && s.EffectiveFrom <= on).MaxBy(s => s.EffectiveFrom);
}

internal sealed class ConstructionStandardConfiguration : IEntityTypeConfiguration<ConstructionStandard>
{
    public void Configure(EntityTypeBuilder<ConstructionStandard> e)
    {
        e.Property(s => s.Type).HasMaxLength(30);
        e.Property(s => s.Source).HasMaxLength(200);
        e.HasIndex(s => new { s.Type, s.EffectiveFrom }).IsUnique();
    }
}
