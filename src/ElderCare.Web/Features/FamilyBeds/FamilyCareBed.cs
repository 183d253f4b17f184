using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.FamilyBeds;

/// <summary>
/// 家庭养老床位: an agreement between an elder living at home and a centre (a facility of the registry) to provide
/// institution-grade care at home: the home is adapted (checklist), devices installed, and a care plan says which
/// service item is delivered how many times a month; the plan generates the scheduled visits (orders).
/// </summary>
public sealed class FamilyCareBed
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ElderId { get; set; }
    public Guid FacilityId { get; set; }

    /// <summary>The elder's street or town (scope) when the agreement was signed.</summary>
    public required string UnitCode { get; set; }

    public DateOnly SignedOn { get; set; }
    public DateOnly? EndedOn { get; set; }

    /// <summary>Home-adaptation checklist items done (keys of <see cref="FamilyBedChecklist.Adaptations"/>).</summary>
    public List<string> Adaptations { get; set; } = [];

    /// <summary>Installed devices, free text (e.g. 一键呼叫器, 烟感报警器).</summary>
    public List<string> Devices { get; set; } = [];

    /// <summary>The care plan: this item, so many visits a month.</summary>
    public Guid ServiceItemId { get; set; }

    public int VisitsPerMonth { get; set; }

    /// <summary>Hour of day (China time) the scheduled visits start, lasting the item's standard duration.</summary>
    public int VisitHour { get; set; } = 9;

    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; init; }
}

internal sealed class FamilyCareBedConfiguration : IEntityTypeConfiguration<FamilyCareBed>
{
    public void Configure(EntityTypeBuilder<FamilyCareBed> e)
    {
        e.Property(x => x.UnitCode).HasMaxLength(9);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.PrimitiveCollection(x => x.Adaptations);
        e.PrimitiveCollection(x => x.Devices);
        e.HasOne<Elders.Elder>().WithMany().HasForeignKey(x => x.ElderId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Facilities.Facility>().WithMany().HasForeignKey(x => x.FacilityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Services.ServiceItem>().WithMany().HasForeignKey(x => x.ServiceItemId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.FacilityId);
        e.HasIndex(x => x.ElderId);
    }
}

/// <summary>The home-adaptation checklist (GB/T 43153 适老化改造: 扶手, 防滑, 紧急呼叫 …).</summary>
public static class FamilyBedChecklist
{
    public static readonly IReadOnlyDictionary<string, string> Adaptations = new Dictionary<string, string>
    {
        ["grab-bars"] = "卫生间、走道扶手",
        ["anti-slip"] = "地面防滑",
        ["emergency-call"] = "紧急呼叫设备",
        ["nursing-bed"] = "护理床",
        ["threshold"] = "消除门槛高差",
        ["lighting"] = "夜间感应照明",
        ["shower-seat"] = "淋浴椅",
    };
}
