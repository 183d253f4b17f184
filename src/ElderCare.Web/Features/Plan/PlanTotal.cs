using ElderCare.Web.Features.Facilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Plan;

/// <summary>
/// A district total of the plan (附件2、附件3 合计行): for a facility type, the facilities existing when the plan began
/// (<see cref="Year"/> null) or the number to build in a year. The unit rows are checked against these.
/// </summary>
public sealed class PlanTotal
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public FacilityType Type { get; init; }

    /// <summary>Null: 现有数; otherwise the year the count is to be built in.</summary>
    public int? Year { get; init; }

    public int Count { get; set; }
    public required string Source { get; set; }
}

internal sealed class PlanTotalConfiguration : IEntityTypeConfiguration<PlanTotal>
{
    public void Configure(EntityTypeBuilder<PlanTotal> e)
    {
        e.Property(t => t.Type).HasMaxLength(30);
        e.Property(t => t.Source).HasMaxLength(200);
        e.HasIndex(t => new { t.Type, t.Year }).IsUnique();
    }
}
