using ElderCare.Web.Infrastructure.Errors;

namespace ElderCare.Web.Features.Evaluations;

/// <summary>
/// The scoring rules of the evaluations (三(二)(三)), pure: the total score is the sum of the indicator points, each within
/// 0..MaxPoints to one decimal; the grade comes from the template's bands (the lowest score of a band is inclusive);
/// an indicator that requires evidence needs at least one evidence file before the sheet is submitted.
/// </summary>
public static class EvaluationScoring
{
    /// <summary>The message of every change to an approved sheet (the district's approval locks it).</summary>
    public const string Locked = "已审定锁定，不能修改。";

    /// <summary>The points given one indicator, as recorded.</summary>
    public sealed record Points(string IndicatorKey, decimal Value, int EvidenceCount);

    /// <summary>The points of a sheet's recorded scores.</summary>
    public static List<Points> Of(IEnumerable<EvaluationScore> scores) =>
        scores.Select(s => new Points(s.IndicatorKey, s.Points, s.EvidenceIds.Count)).ToList();

    /// <summary>Points of one indicator: 0..MaxPoints, at most one decimal place.</summary>
    public static string? CheckPoints(decimal points, EvaluationIndicator indicator) =>
        points < 0 || points > indicator.MaxPoints
            ? $"“{indicator.Name}”的得分须在 0 至 {indicator.MaxPoints} 分之间。"
            : decimal.Round(points, 1) != points ? $"“{indicator.Name}”的得分最多保留一位小数。" : null;

    /// <summary>Total score: the sum of the indicator points (each already within 0..MaxPoints).</summary>
    public static decimal Total(IEnumerable<Points> scores) => scores.Sum(s => s.Value);

    /// <summary>The grade of a total: the highest band whose lowest score the total reaches (inclusive); none reached is 不合格.</summary>
    public static EvaluationGrade Grade(decimal total, IEnumerable<GradeBand> bands) =>
        bands.OrderByDescending(b => b.MinScore).FirstOrDefault(b => total >= b.MinScore)?.Grade ?? EvaluationGrade.Fail;

    /// <summary>
    /// Completeness before submission: every indicator of the template scored, and an indicator with
    /// <see cref="EvaluationIndicator.EvidenceRequired"/> has at least one evidence file. Errors under scores[key].
    /// </summary>
    public static FieldErrors CheckComplete(IReadOnlyList<EvaluationIndicator> indicators, IReadOnlyList<Points> scores)
    {
        var errors = new FieldErrors();
        var byKey = scores.ToDictionary(s => s.IndicatorKey, StringComparer.Ordinal);
        foreach (var i in indicators)
        {
            if (!byKey.TryGetValue(i.Key, out var s)) errors.Add($"scores[{i.Key}]", $"“{i.Name}”尚未评分。");
            else if (i.EvidenceRequired && s.EvidenceCount == 0) errors.Add($"scores[{i.Key}].evidenceIds", $"“{i.Name}”须上传至少一份佐证材料。");
        }
        return errors;
    }

    /// <summary>A template's own rule: indicator keys unique, points positive and summing to 100; bands of distinct grades within 0..100.</summary>
    public static FieldErrors CheckTemplate(IReadOnlyList<EvaluationIndicator> indicators, IReadOnlyList<GradeBand> bands)
    {
        var errors = new FieldErrors();
        errors.AddIf(indicators.Select(i => i.Key).Distinct(StringComparer.Ordinal).Count() != indicators.Count, "indicators",
            "指标编码不能重复。");
        errors.AddIf(indicators.Any(i => i.MaxPoints <= 0), "indicators", "每项指标的分值须大于 0。");
        errors.AddIf(indicators.Sum(i => i.MaxPoints) != 100, "indicators", $"各项指标分值合计须为 100 分（现为 {indicators.Sum(i => i.MaxPoints)} 分）。");
        errors.AddIf(bands.Select(b => b.Grade).Distinct().Count() != bands.Count || bands.Any(b => b.MinScore is < 0 or > 100), "bands",
            "等级分数线须各不相同且在 0 至 100 分之间。");
        return errors;
    }
}
