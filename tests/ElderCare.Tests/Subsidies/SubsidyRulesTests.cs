using ElderCare.Web.Features.Assessments;
using ElderCare.Web.Features.Evaluations;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Subsidies;

namespace ElderCare.Tests.Subsidies;

/// <summary>The amount rules of 三(二)(三), quoted, on the seeded figures.</summary>
public class SubsidyRulesTests
{
    private static readonly DateOnly Policy = new(2020, 1, 3);
    private static readonly RuleBook Rules = new(SubsidySeed.Defaults(Policy, new DateTime(2020, 1, 3, 0, 0, 0, DateTimeKind.Utc)));
    private static readonly DateOnly YearAfter = new(2027, 1, 15);

    private static EvaluationResult Result(EvaluationKind kind, EvaluationGrade grade, int year = 2026, Guid? facility = null) => new()
    {
        FacilityId = facility ?? Guid.Empty, Year = year, Kind = kind, Grade = grade, Score = 85.0m, ApprovedBy = "district",
    };

    private static FacilityFacts Facility(FacilityType type, DateOnly opened, bool compliant = true, string unit = "500153009",
        IEnumerable<FacilityStatusChange>? more = null, params EvaluationResult[] results) =>
        new(Guid.NewGuid(), "测试", type, unit, opened,
            new[] { new FacilityStatusChange { Status = FacilityStatus.Operating, On = opened } }.Concat(more ?? []).ToList(), compliant, results);

    [Fact]
    public void Operating_subsidy_is_the_annual_amount_times_months_operating_over_12_times_the_grade_factor()
    {
        // "运营补贴 = 年度标准 × 当年运营月数 / 12 × 等级系数": "40,000 × 9/12 个月 × 良好 0.9 = 27,000 元"
        var f = Facility(FacilityType.CommunityStation, new DateOnly(2026, 4, 1), results: Result(EvaluationKind.Annual, EvaluationGrade.Good));
        var e = Entitlements.OperatingSubsidy(f, 2026, YearAfter, Rules)!;
        Assert.Equal(2_700_000, e.AmountFen);
        Assert.Equal("40,000 × 9/12 个月 × 良好 0.9 = 27,000 元", e.Explanation);
        Assert.Equal(FundingSource.LotteryFund, e.FundingSource);
        Assert.Contains($"evaluation-result:{f.Results[0].Id}", e.Evidence);
    }

    [Theory]
    [InlineData(FacilityType.StreetCenter, EvaluationGrade.Excellent, 8_000_000)] // 80,000 × 12/12 × 1.0
    [InlineData(FacilityType.TownCenter, EvaluationGrade.Pass, 6_400_000)]       // 80,000 × 12/12 × 0.8
    [InlineData(FacilityType.VillagePoint, EvaluationGrade.Good, 450_000)]       // 5,000 × 12/12 × 0.9
    public void The_policy_figures_are_80000_per_centre_40000_per_station_5000_per_village_point(FacilityType type, EvaluationGrade grade,
        long fen)
    {
        var f = Facility(type, new DateOnly(2025, 6, 1), results: Result(EvaluationKind.Annual, grade));
        Assert.Equal(fen, Entitlements.OperatingSubsidy(f, 2026, YearAfter, Rules)!.AmountFen);
    }

    [Fact]
    public void A_month_counts_when_the_facility_is_operating_on_its_last_day_and_suspension_stops_the_count()
    {
        // Opened 2026-03-10 (March counts), suspended 2026-09-15 (September does not), reopened 2026-11-01: Mar–Aug + Nov–Dec = 8.
        var f = Facility(FacilityType.VillagePoint, new DateOnly(2026, 3, 10), more:
        [
            new FacilityStatusChange { Status = FacilityStatus.Suspended, On = new DateOnly(2026, 9, 15) },
            new FacilityStatusChange { Status = FacilityStatus.Operating, On = new DateOnly(2026, 11, 1) },
        ]);
        Assert.Equal(8, Entitlements.MonthsOperating(f, 2026, YearAfter));
        // Only months ended by the day of the computation count: on 2026-11-29 October is the last.
        Assert.Equal(6, Entitlements.MonthsOperating(f, 2026, new DateOnly(2026, 11, 29)));
    }

    [Fact]
    public void Proration_rounds_half_up_to_the_fen()
    {
        // 5,000 × 7/12 × 0.9 = 2,625 exactly; 5,000 × 5/12 × 0.8 = 1,666.666… → 1,666.67 元
        Assert.Equal(262_500, Entitlements.Prorate(500_000 * 7, 900, 12_000));
        Assert.Equal(166_667, Entitlements.Prorate(500_000 * 5, 800, 12_000));
        var f = Facility(FacilityType.VillagePoint, new DateOnly(2026, 8, 1), results: Result(EvaluationKind.Annual, EvaluationGrade.Pass));
        Assert.Equal("5,000 × 5/12 个月 × 合格 0.8 = 1,666.67 元", Entitlements.OperatingSubsidy(f, 2026, YearAfter, Rules)!.Explanation);
    }

    [Fact]
    public void Nothing_is_due_without_an_annual_evaluation_or_with_the_grade_不合格()
    {
        // "第三方绩效评价 … 决定补贴": no approved evaluation of the year, no subsidy; 不合格 has factor 0.
        Assert.Null(Entitlements.OperatingSubsidy(Facility(FacilityType.CommunityStation, new DateOnly(2025, 1, 1)), 2026, YearAfter, Rules));
        Assert.Null(Entitlements.OperatingSubsidy(Facility(FacilityType.CommunityStation, new DateOnly(2025, 1, 1),
            results: Result(EvaluationKind.Annual, EvaluationGrade.Fail)), 2026, YearAfter, Rules));
        Assert.Null(Entitlements.OperatingSubsidy(Facility(FacilityType.CommunityStation, new DateOnly(2025, 1, 1),
            results: Result(EvaluationKind.Annual, EvaluationGrade.Good, year: 2025)), 2026, YearAfter, Rules));
    }

    [Fact]
    public void The_grade_factors_are_placeholders_marked_待确认_and_the_policy_amounts_are_confirmed()
    {
        var defaults = SubsidySeed.Defaults(Policy, DateTime.UnixEpoch).ToList();
        Assert.All(defaults.Where(r => r.Kind is SubsidyKind.GradeFactor or SubsidyKind.PlacementBasicLiving or SubsidyKind.PlacementNursing
            or SubsidyKind.PlacementOperating), r => Assert.False(r.Confirmed));
        Assert.All(defaults.Where(r => r.Kind is SubsidyKind.ConstructionAward or SubsidyKind.TownAward or SubsidyKind.OperatingSubsidy),
            r => Assert.True(r.Confirmed));
        var f = Facility(FacilityType.CommunityStation, new DateOnly(2025, 1, 1), results: Result(EvaluationKind.Annual, EvaluationGrade.Good));
        Assert.Contains(Entitlements.OperatingSubsidy(f, 2026, YearAfter, Rules)!.Evidence, x => x.EndsWith("（待确认）", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rule_applies_only_within_its_effective_dates()
    {
        var old = new SubsidyRule { Kind = SubsidyKind.OperatingSubsidy, FacilityType = FacilityType.CommunityStation, AmountFen = 4_000_000,
            EffectiveFrom = Policy, EffectiveTo = new DateOnly(2026, 12, 30), Source = "x" };
        var next = new SubsidyRule { Kind = SubsidyKind.OperatingSubsidy, FacilityType = FacilityType.CommunityStation, AmountFen = 5_000_000,
            EffectiveFrom = new DateOnly(2026, 12, 31), Source = "y" };
        var book = new RuleBook([old, next]);
        Assert.Same(old, book.Find(SubsidyKind.OperatingSubsidy, new DateOnly(2026, 12, 30), type: FacilityType.CommunityStation));
        Assert.Same(next, book.Find(SubsidyKind.OperatingSubsidy, new DateOnly(2026, 12, 31), type: FacilityType.CommunityStation));
        Assert.Null(book.Find(SubsidyKind.OperatingSubsidy, new DateOnly(2019, 12, 31), type: FacilityType.CommunityStation));
    }

    [Fact]
    public void The_construction_award_is_due_when_operating_compliant_and_accepted()
    {
        // "以奖代补：街道养老服务中心 200 万元，社区养老服务站 20 万元" — against operation, Attachment 1 and a passed acceptance.
        var accepted = Result(EvaluationKind.Acceptance, EvaluationGrade.Pass);
        var centre = Facility(FacilityType.StreetCenter, new DateOnly(2026, 5, 1), results: accepted);
        var award = Entitlements.ConstructionAward(centre, 2026, YearAfter, Rules)!;
        Assert.Equal(200_000_000, award.AmountFen);
        Assert.Equal(FundingSource.MunicipalAward, award.FundingSource);
        Assert.Equal("街道养老服务中心以奖代补 2,000,000 元（运营中、符合附件1必备要求、验收合格 85.0 分）= 2,000,000 元", award.Explanation);
        Assert.Equal(20_000_000, Entitlements.ConstructionAward(
            Facility(FacilityType.CommunityStation, new DateOnly(2026, 5, 1), results: accepted), 2026, YearAfter, Rules)!.AmountFen);

        Assert.Null(Entitlements.ConstructionAward(Facility(FacilityType.StreetCenter, new DateOnly(2026, 5, 1), compliant: false, results: accepted),
            2026, YearAfter, Rules));
        Assert.Null(Entitlements.ConstructionAward(Facility(FacilityType.StreetCenter, new DateOnly(2026, 5, 1),
            results: Result(EvaluationKind.Acceptance, EvaluationGrade.Fail)), 2026, YearAfter, Rules));
        Assert.Null(Entitlements.ConstructionAward(Facility(FacilityType.StreetCenter, new DateOnly(2026, 5, 1),
            more: [new FacilityStatusChange { Status = FacilityStatus.Suspended, On = new DateOnly(2026, 10, 1) }], results: accepted),
            2026, YearAfter, Rules));
        // A town centre and a village point are paid through the town award, not one by one.
        Assert.Null(Entitlements.ConstructionAward(Facility(FacilityType.TownCenter, new DateOnly(2026, 5, 1), results: accepted), 2026,
            YearAfter, Rules));
    }

    [Fact]
    public void The_town_award_needs_the_town_centre_and_every_planned_village_point_operating_and_accepted()
    {
        // "每个镇（镇养老服务中心和村级互助养老点）100 万元"
        FacilityFacts Accepted(FacilityType t) =>
            Facility(t, new DateOnly(2026, 3, 1), results: Result(EvaluationKind.Acceptance, EvaluationGrade.Good));
        var centre = Accepted(FacilityType.TownCenter);
        var points = new[] { Accepted(FacilityType.VillagePoint), Accepted(FacilityType.VillagePoint) };
        var notAccepted = Facility(FacilityType.VillagePoint, new DateOnly(2026, 3, 1));
        var all = new List<FacilityFacts> { centre, points[0], points[1], notAccepted };

        var award = Entitlements.TownAward("500153009", all, 2, 2026, YearAfter, Rules)!;
        Assert.Equal(100_000_000, award.AmountFen);
        Assert.Equal("town:500153009", award.Key);
        Assert.Equal("镇以奖代补 1,000,000 元（镇养老服务中心验收合格；规划村级互助养老点 2 个，运营且验收合格 2 个）= 1,000,000 元", award.Explanation);
        Assert.Null(Entitlements.TownAward("500153009", all, 3, 2026, YearAfter, Rules));
        Assert.Null(Entitlements.TownAward("500153009", [points[0], points[1]], 2, 2026, YearAfter, Rules));
    }

    [Fact]
    public void The_placement_fee_is_basic_living_plus_nursing_by_care_tier_plus_operating_fee_per_month_routed_to_the_town()
    {
        // "特困人员 … 按敬老院标准支付基本生活费、护理费、运营费，经镇街拨付机构"
        var elder = Guid.NewGuid();
        var p = new PlacementFacts(Guid.NewGuid(), elder, Guid.NewGuid(), "500153009", new DateOnly(2026, 9, 20), new DateOnly(2026, 11, 10),
            [new SelfCareFact(Guid.NewGuid(), new DateOnly(2026, 9, 1), SelfCareAbility.Capable),
             new SelfCareFact(Guid.NewGuid(), new DateOnly(2026, 10, 5), SelfCareAbility.FullyLost)]);
        var fees = Entitlements.PlacementFees(p, 2026, YearAfter, Rules).ToList();
        // September (placed on the 30th): 全自理; October: 全护理; November ended before its last day: nothing.
        Assert.Equal([9, 10], fees.Select(f => f.Month!.Value));
        Assert.Equal("2026-09 全自理：基本生活 900 + 护理（全自理）200 + 运营 300 = 1,400 元", fees[0].Explanation);
        Assert.Equal(120_000 + 30_000 + 90_000, fees[1].AmountFen);
        Assert.All(fees, f => Assert.Equal(("500153009", FundingSource.DistrictBudget, LedgerKind.PlacementFee),
            (f.TownCode, f.FundingSource, f.Kind)));
        Assert.Equal($"placement:{elder:N}:2026-10", fees[1].Key);

        var halfCare = p with { To = null, SelfCare = [new SelfCareFact(Guid.NewGuid(), new DateOnly(2026, 1, 1), SelfCareAbility.PartiallyLost)] };
        Assert.Equal(180_000, Entitlements.PlacementFees(halfCare, 2026, YearAfter, Rules).First().AmountFen); // 900 + 600 + 300
        Assert.Empty(Entitlements.PlacementFees(p with { SelfCare = [] }, 2026, YearAfter, Rules)); // no determination, no fee
    }

    private static LedgerLine Line(Entitlement e, int revision, Guid? reversalOf = null, long? amount = null) => new()
    {
        Key = e.Key, Revision = revision, Kind = e.Kind, Year = e.Year, TownCode = e.TownCode, AmountFen = amount ?? e.AmountFen,
        Explanation = e.Explanation, Evidence = "", Basis = e.Basis, ReversalOf = reversalOf, Status = LedgerStatus.Approved,
    };

    [Fact]
    public void A_claim_on_the_same_basis_is_not_raised_twice()
    {
        var f = Facility(FacilityType.CommunityStation, new DateOnly(2026, 4, 1), results: Result(EvaluationKind.Annual, EvaluationGrade.Good));
        var e = Entitlements.OperatingSubsidy(f, 2026, YearAfter, Rules)!;
        Assert.Single(ClaimReconciliation.Plan([e], [], new HashSet<string>()));
        Assert.Empty(ClaimReconciliation.Plan([e], [Line(e, 1)], new HashSet<string> { e.Key }));
    }

    [Fact]
    public void A_changed_basis_after_approval_raises_a_reversal_and_a_new_line_never_an_edit()
    {
        // 良好 0.9 → 优秀 1.0: −27,000 then +30,000 (40,000 × 9/12 × 1.0).
        var good = Entitlements.OperatingSubsidy(Facility(FacilityType.CommunityStation, new DateOnly(2026, 4, 1),
            results: Result(EvaluationKind.Annual, EvaluationGrade.Good)), 2026, YearAfter, Rules)!;
        var approved = Line(good, 1);
        var excellent = Entitlements.OperatingSubsidy(Facility(FacilityType.CommunityStation, new DateOnly(2026, 4, 1),
            results: Result(EvaluationKind.Annual, EvaluationGrade.Excellent)), 2026, YearAfter, Rules)! with { Key = good.Key };
        var plan = ClaimReconciliation.Plan([excellent], [approved], new HashSet<string> { good.Key });
        Assert.Equal([(-2_700_000L, 2, (Guid?)approved.Id), (3_000_000L, 3, null)],
            plan.Select(p => (p.AmountFen, p.Revision, p.Reverses?.Id)));

        // Once reversed and replaced, the replacement stands: the same evidence again adds nothing.
        var replacement = Line(excellent, 3);
        Assert.Empty(ClaimReconciliation.Plan([excellent], [approved, Line(good, 2, approved.Id, -2_700_000), replacement],
            new HashSet<string> { good.Key }));
    }

    [Fact]
    public void A_yearly_amount_no_longer_due_is_reversed_and_a_one_off_award_is_not_withdrawn()
    {
        var e = Entitlements.OperatingSubsidy(Facility(FacilityType.CommunityStation, new DateOnly(2026, 4, 1),
            results: Result(EvaluationKind.Annual, EvaluationGrade.Good)), 2026, YearAfter, Rules)!;
        var plan = ClaimReconciliation.Plan([], [Line(e, 1)], new HashSet<string> { e.Key });
        Assert.Equal(-2_700_000, Assert.Single(plan).AmountFen);
        Assert.Empty(ClaimReconciliation.Plan([], [Line(e with { Key = "construction:x" }, 1)], new HashSet<string>()));
    }

    [Theory]
    [InlineData(1000, "1.0")]
    [InlineData(900, "0.9")]
    [InlineData(850, "0.85")]
    [InlineData(0, "0")]
    public void Factors_read_as_decimals(long permille, string text) => Assert.Equal(text, Entitlements.Factor(permille));
}
