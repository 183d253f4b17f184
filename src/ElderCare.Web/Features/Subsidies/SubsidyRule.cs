using ElderCare.Web.Features.Assessments;
using ElderCare.Web.Features.Evaluations;
using ElderCare.Web.Features.Facilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Subsidies;

/// <summary>
/// What a rule prices (三(二)(三)): the 以奖代补 construction award per facility and per town, the yearly operating
/// subsidy, the grade factor of the yearly evaluation, and the three parts of the 敬老院 placement rate for 特困人员.
/// </summary>
public enum SubsidyKind
{
    ConstructionAward, TownAward, OperatingSubsidy, GradeFactor, PlacementBasicLiving, PlacementNursing, PlacementOperating,
}

/// <summary>福彩公益金 / 区级财政 / 市级奖补.</summary>
public enum FundingSource { LotteryFund, DistrictBudget, MunicipalAward }

/// <summary>
/// One figure of the money model, in force from a date (to a date, inclusive, or open). Policy figures are seeded
/// confirmed; figures the policy does not give (grade factors, 敬老院 rates) are placeholders shown 待确认 until the
/// district confirms them (ADR 0023).
/// </summary>
public sealed class SubsidyRule : Shared.IPlaceholderFigure
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public SubsidyKind Kind { get; init; }

    /// <summary>The facility type the figure applies to (awards, operating subsidies); null for the others.</summary>
    public FacilityType? FacilityType { get; init; }

    /// <summary>The grade a factor applies to (<see cref="SubsidyKind.GradeFactor"/>).</summary>
    public EvaluationGrade? Grade { get; init; }

    /// <summary>The care tier a nursing rate applies to (<see cref="SubsidyKind.PlacementNursing"/>).</summary>
    public SelfCareAbility? SelfCare { get; init; }

    /// <summary>An amount in fen (a year's subsidy, an award, a month's rate); for a grade factor, the factor in ‰ (900 = 0.9).</summary>
    public long AmountFen { get; set; }

    public DateOnly EffectiveFrom { get; init; }
    public DateOnly? EffectiveTo { get; set; }

    /// <summary>The fund an amount of this kind is paid from.</summary>
    public FundingSource FundingSource { get; set; }

    public required string Source { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public string? ConfirmedBy { get; set; }
    public bool Confirmed => ConfirmedAt is not null;

    public bool InForceOn(DateOnly day) => EffectiveFrom <= day && (EffectiveTo is null || day <= EffectiveTo);
}

internal sealed class SubsidyRuleConfiguration : IEntityTypeConfiguration<SubsidyRule>
{
    public void Configure(EntityTypeBuilder<SubsidyRule> e)
    {
        e.Property(x => x.Kind).HasMaxLength(30);
        e.Property(x => x.FacilityType).HasMaxLength(30);
        e.Property(x => x.Grade).HasMaxLength(20);
        e.Property(x => x.SelfCare).HasMaxLength(20);
        e.Property(x => x.FundingSource).HasMaxLength(20);
        e.Property(x => x.Source).HasMaxLength(200);
        e.Property(x => x.ConfirmedBy).HasMaxLength(100);
        e.Ignore(x => x.Confirmed);
        e.HasIndex(x => new { x.Kind, x.FacilityType, x.Grade, x.SelfCare, x.EffectiveFrom }).IsUnique();
    }
}
