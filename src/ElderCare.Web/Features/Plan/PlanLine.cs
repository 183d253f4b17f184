using ElderCare.Web.Features.Facilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Plan;

/// <summary>
/// One row of the coverage plan (附件2/附件3): for a street or town and a facility type, the facilities existing when
/// the plan began and the number to build per year. A year of null means "year not yet confirmed by the district".
/// </summary>
public sealed class PlanLine
{
    public required string UnitCode { get; init; }
    public FacilityType Type { get; init; }

    /// <summary>现有数 at the start of the plan; null when the printed plan does not tell existing from planned.</summary>
    public int? Existing { get; set; }

    public List<PlanYear> Years { get; set; } = [];

    /// <summary>
    /// 现有或规划，待确认: facilities the printed plan counts without saying whether they exist or are to be built
    /// (the towns' community stations in 附件2). Counted in the total when done, in neither existing nor planned.
    /// </summary>
    public int? ExistingOrPlanned { get; set; }

    /// <summary>True while the district still has to confirm this row (e.g. the year of a planned facility).</summary>
    public bool ToConfirm { get; set; }

    public string? Note { get; set; }

    public int PlannedToBuild => Years.Sum(y => y.Count);

    /// <summary>Facilities there will be once the plan is done: existing plus all planned.</summary>
    public int TotalWhenDone => (Existing ?? 0) + PlannedToBuild + (ExistingOrPlanned ?? 0);
}

public sealed class PlanYear
{
    public int? Year { get; set; }
    public int Count { get; set; }
}

internal sealed class PlanLineConfiguration : IEntityTypeConfiguration<PlanLine>
{
    public void Configure(EntityTypeBuilder<PlanLine> e)
    {
        e.HasKey(p => new { p.UnitCode, p.Type });
        e.Property(p => p.UnitCode).HasMaxLength(9);
        e.Property(p => p.Type).HasMaxLength(30);
        e.Property(p => p.Note).HasMaxLength(500);
        e.OwnsMany(p => p.Years, y => y.ToJson());
        e.Ignore(p => p.PlannedToBuild);
        e.Ignore(p => p.TotalWhenDone);
    }
}
