using ElderCare.Web.Features.Evaluations;
using ElderCare.Web.Features.Facilities;
using Points = ElderCare.Web.Features.Evaluations.EvaluationScoring.Points;

namespace ElderCare.Tests.Evaluations;

/// <summary>The scoring rules of 三(二)(三) (EvaluationScoring), pure, without a database.</summary>
public class EvaluationRulesTests
{
    private static readonly EvaluationIndicator Staff = new()
    {
        Key = "staff", Group = IndicatorGroup.Staffing, Name = "工作人员配备", MaxPoints = 15, HowToScore = "查花名册", EvidenceRequired = true,
    };

    private static readonly EvaluationIndicator Records = new()
    {
        Key = "records", Group = IndicatorGroup.Quality, Name = "档案管理", MaxPoints = 85, HowToScore = "查档案", EvidenceRequired = false,
    };

    [Theory]
    [InlineData("0")]
    [InlineData("7.5")]
    [InlineData("15")]
    public void Points_of_an_indicator_lie_within_0_and_its_MaxPoints(string points) =>
        Assert.Null(EvaluationScoring.CheckPoints(decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture), Staff));

    [Theory]
    [InlineData("-0.5")]
    [InlineData("15.5")]
    [InlineData("16")]
    public void Points_below_0_or_above_MaxPoints_are_refused_naming_the_indicator(string points) =>
        Assert.Equal("“工作人员配备”的得分须在 0 至 15 分之间。",
            EvaluationScoring.CheckPoints(decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture), Staff));

    [Fact]
    public void Points_have_at_most_one_decimal_place() =>
        Assert.Equal("“工作人员配备”的得分最多保留一位小数。", EvaluationScoring.CheckPoints(7.25m, Staff));

    [Fact]
    public void The_total_score_is_the_sum_of_the_indicator_points() =>
        Assert.Equal(88.5m, EvaluationScoring.Total([new Points("staff", 12.5m, 1), new Points("records", 76m, 0)]));

    [Theory]
    [InlineData("100", EvaluationGrade.Excellent)]
    [InlineData("90", EvaluationGrade.Excellent)]   // 优秀 ≥ 90: the boundary is inclusive
    [InlineData("89.9", EvaluationGrade.Good)]
    [InlineData("80", EvaluationGrade.Good)]        // 良好 ≥ 80
    [InlineData("79.9", EvaluationGrade.Pass)]
    [InlineData("60", EvaluationGrade.Pass)]        // 合格 ≥ 60
    [InlineData("59.9", EvaluationGrade.Fail)]      // else 不合格
    [InlineData("0", EvaluationGrade.Fail)]
    public void The_grade_comes_from_the_bands_with_inclusive_lower_boundaries(string total, EvaluationGrade grade) =>
        Assert.Equal(grade, EvaluationScoring.Grade(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture),
            EvaluationDefaults.Bands()));

    [Fact]
    public void The_bands_are_data_a_different_table_gives_a_different_grade() =>
        Assert.Equal(EvaluationGrade.Pass, EvaluationScoring.Grade(85m,
            [new GradeBand { Grade = EvaluationGrade.Excellent, MinScore = 95 }, new GradeBand { Grade = EvaluationGrade.Pass, MinScore = 70 }]));

    [Fact]
    public void An_indicator_with_EvidenceRequired_needs_at_least_one_evidence_id_before_submission()
    {
        var errors = EvaluationScoring.CheckComplete([Staff, Records], [new Points("staff", 10, 0), new Points("records", 80, 0)]);
        Assert.Equal(["“工作人员配备”须上传至少一份佐证材料。"], errors.ToDictionary()["scores[staff].evidenceIds"]);
        Assert.Single(errors.ToDictionary());
        Assert.False(EvaluationScoring.CheckComplete([Staff, Records], [new Points("staff", 10, 1), new Points("records", 80, 0)]).Any);
    }

    [Fact]
    public void Every_indicator_is_scored_before_submission() =>
        Assert.Equal(["“档案管理”尚未评分。"],
            EvaluationScoring.CheckComplete([Staff, Records], [new Points("staff", 10, 1)]).ToDictionary()["scores[records]"]);

    [Fact]
    public void Each_seeded_template_has_indicators_summing_to_100_in_the_four_groups_and_is_marked_for_confirmation()
    {
        var templates = EvaluationDefaults.Templates().ToList();
        Assert.Equal(Enum.GetValues<FacilityType>().Length + 1, templates.Count);
        Assert.Single(templates, t => t.Kind == EvaluationKind.Acceptance && t.FacilityType is null);
        foreach (var t in templates)
        {
            Assert.False(EvaluationScoring.CheckTemplate(t.Indicators, t.Bands).Any, t.Name);
            Assert.False(t.Confirmed);
            Assert.Equal(ElderCare.Web.Features.Shared.Placeholders.Source, t.Source);
        }
        Assert.All(templates.Where(t => t.Kind == EvaluationKind.Annual),
            t => Assert.Equal(Enum.GetValues<IndicatorGroup>().ToHashSet(), t.Indicators.Select(i => i.Group).ToHashSet()));
    }

    [Fact]
    public void A_template_whose_points_do_not_sum_to_100_is_refused() =>
        Assert.Equal(["各项指标分值合计须为 100 分（现为 15 分）。"],
            EvaluationScoring.CheckTemplate([Staff], EvaluationDefaults.Bands()).ToDictionary()["indicators"]);
}
