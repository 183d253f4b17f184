using ElderCare.Web.Data;
using ElderCare.Web.Features.Assessments;
using ElderCare.Web.Features.Evaluations;
using ElderCare.Web.Features.Facilities;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Subsidies;

/// <summary>The seeded money rules: the policy's figures (confirmed) and the placeholders it does not give (待确认, ADR 0023).</summary>
public static class SubsidySeed
{
    /// <summary>三(二)(三) 以奖代补 and 运营补贴, as printed in 荣昌府办发〔2020〕1号.</summary>
    public const string PolicySource = "荣昌府办发〔2020〕1号 三(二)(三)";

    private static long Yuan(long yuan) => yuan * 100;

    public static IEnumerable<SubsidyRule> Defaults(DateOnly from, DateTime confirmedAt)
    {
        SubsidyRule Policy(SubsidyKind kind, FacilityType type, long yuan, FundingSource source) => new()
        {
            Kind = kind, FacilityType = type, AmountFen = Yuan(yuan), EffectiveFrom = from, FundingSource = source,
            Source = PolicySource, ConfirmedAt = confirmedAt, ConfirmedBy = "政策文件",
        };
        SubsidyRule Placeholder(SubsidyKind kind, long amount, FundingSource source, EvaluationGrade? grade = null,
            SelfCareAbility? selfCare = null) => new()
        {
            Kind = kind, Grade = grade, SelfCare = selfCare, AmountFen = amount, EffectiveFrom = from, FundingSource = source,
            Source = Shared.Placeholders.Source,
        };
        // 市级以奖代补: construction awards per street centre and community station, and per town (centre and village points).
        yield return Policy(SubsidyKind.ConstructionAward, FacilityType.StreetCenter, 2_000_000, FundingSource.MunicipalAward);
        yield return Policy(SubsidyKind.ConstructionAward, FacilityType.CommunityStation, 200_000, FundingSource.MunicipalAward);
        yield return Policy(SubsidyKind.TownAward, FacilityType.TownCenter, 1_000_000, FundingSource.MunicipalAward);
        // 区级运营补贴: per year, paid from the district-retained welfare-lottery fund (≥ 80 % to elderly care).
        yield return Policy(SubsidyKind.OperatingSubsidy, FacilityType.StreetCenter, 80_000, FundingSource.LotteryFund);
        yield return Policy(SubsidyKind.OperatingSubsidy, FacilityType.TownCenter, 80_000, FundingSource.LotteryFund);
        yield return Policy(SubsidyKind.OperatingSubsidy, FacilityType.CommunityStation, 40_000, FundingSource.LotteryFund);
        yield return Policy(SubsidyKind.OperatingSubsidy, FacilityType.VillagePoint, 5_000, FundingSource.LotteryFund);
        // Grade factors of the yearly evaluation (‰): the policy names no figures.
        yield return Placeholder(SubsidyKind.GradeFactor, 1000, FundingSource.LotteryFund, EvaluationGrade.Excellent);
        yield return Placeholder(SubsidyKind.GradeFactor, 900, FundingSource.LotteryFund, EvaluationGrade.Good);
        yield return Placeholder(SubsidyKind.GradeFactor, 800, FundingSource.LotteryFund, EvaluationGrade.Pass);
        yield return Placeholder(SubsidyKind.GradeFactor, 0, FundingSource.LotteryFund, EvaluationGrade.Fail);
        // 敬老院 rate per placed 特困 elder and month: basic living, nursing by care tier, operating fee (区级财政).
        yield return Placeholder(SubsidyKind.PlacementBasicLiving, Yuan(900), FundingSource.DistrictBudget);
        yield return Placeholder(SubsidyKind.PlacementNursing, Yuan(200), FundingSource.DistrictBudget, selfCare: SelfCareAbility.Capable);
        yield return Placeholder(SubsidyKind.PlacementNursing, Yuan(600), FundingSource.DistrictBudget, selfCare: SelfCareAbility.PartiallyLost);
        yield return Placeholder(SubsidyKind.PlacementNursing, Yuan(1_200), FundingSource.DistrictBudget, selfCare: SelfCareAbility.FullyLost);
        yield return Placeholder(SubsidyKind.PlacementOperating, Yuan(300), FundingSource.DistrictBudget);
    }

    /// <summary>Adds the rules not there yet (by kind, type, grade, tier and start date); edited or confirmed rows are kept.</summary>
    public static async Task<int> RunAsync(AppDbContext db, DateOnly from, CancellationToken ct)
    {
        var have = await db.SubsidyRules.Select(r => new { r.Kind, r.FacilityType, r.Grade, r.SelfCare, r.EffectiveFrom }).ToListAsync(ct);
        var confirmedAt = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var added = 0;
        foreach (var r in Defaults(from, confirmedAt)
                     .Where(r => !have.Contains(new { r.Kind, r.FacilityType, r.Grade, r.SelfCare, r.EffectiveFrom })))
        {
            db.SubsidyRules.Add(r);
            added++;
        }
        return added;
    }
}
