using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Evaluations;

/// <summary>
/// An assigned evaluator records the points of some indicators (三(二)(三)), each with a note and evidence files; a score
/// given before is replaced. Only a draft or an objected sheet takes scores; an approved one is locked. Each evidence id is
/// a file of the sheet's facility (Features/Evidence, ADR 0019).
/// </summary>
public static class RecordScores
{
    public sealed record ScoreInput(string? IndicatorKey, decimal? Points, string? Note, List<Guid>? EvidenceIds);

    public sealed record Input(List<ScoreInput>? Scores);

    public static async Task<Outcome<EvaluationResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var (sheet, refusal) = await EvaluationQueries.ChangeableAsync(id, user, db, ct);
        if (sheet is null) return refusal!;
        if (sheet.Status == EvaluationStatus.Submitted) return Outcome<EvaluationResource>.Conflict("评估已提交，等待审定，不能再修改评分。");
        var template = await db.EvaluationTemplates.AsNoTracking().FirstAsync(t => t.Id == sheet.TemplateId, ct);
        var indicators = template.Indicators.ToDictionary(i => i.Key, StringComparer.Ordinal);
        var errors = new FieldErrors();
        var scores = input.Scores ?? [];
        errors.AddIf(scores.Count == 0, "scores", "请至少填写一项指标的得分。");
        errors.AddIf(scores.Select(s => s.IndicatorKey).Distinct().Count() != scores.Count, "scores", "同一指标只能填写一次。");
        var valid = new List<(EvaluationIndicator Indicator, decimal Points, string? Note, List<Guid> Evidence)>();
        for (var n = 0; n < scores.Count; n++)
        {
            var s = scores[n];
            if (s.IndicatorKey is null || !indicators.TryGetValue(s.IndicatorKey, out var indicator))
            {
                errors.Add($"scores[{n}].indicatorKey", "该评估模板中没有这项指标。");
                continue;
            }
            if (s.Points is not { } points) errors.Add($"scores[{n}].points", $"请填写“{indicator.Name}”的得分。");
            else if (EvaluationScoring.CheckPoints(points, indicator) is { } problem) errors.Add($"scores[{n}].points", problem);
            var note = errors.Text(s.Note, $"scores[{n}].note", "评分说明", FreeText.Note, multiLine: true);
            var evidence = (s.EvidenceIds ?? []).Distinct().ToList();
            errors.AddIf(evidence.Count > 20, $"scores[{n}].evidenceIds", "每项指标最多 20 份佐证材料。");
            valid.Add((indicator, s.Points ?? 0, string.IsNullOrWhiteSpace(note) ? null : note, evidence));
        }
        // ADR 0019: an evidence file must exist and be the sheet's facility's; another facility's is answered as a missing one.
        var wanted = valid.SelectMany(v => v.Evidence).Distinct().ToList();
        var known = wanted.Count == 0 ? [] : await db.EvidenceFiles.AsNoTracking()
            .Where(f => wanted.Contains(f.Id) && f.FacilityId == sheet.FacilityId).Select(f => f.Id).ToListAsync(ct);
        for (var n = 0; n < scores.Count; n++)
        {
            var evidence = scores[n].EvidenceIds ?? [];
            for (var k = 0; k < evidence.Count; k++)
                errors.AddIf(!known.Contains(evidence[k]), $"scores[{n}].evidenceIds[{k}]", "找不到该佐证材料（须为本设施上传的证明材料）。");
        }
        if (errors.Any) return Outcome<EvaluationResource>.Invalid(errors);

        var now = clock.UtcNow();
        foreach (var (indicator, points, note, evidence) in valid)
        {
            var score = sheet.Scores.FirstOrDefault(x => x.IndicatorKey == indicator.Key);
            if (score is null)
            {
                score = new EvaluationScore { EvaluationId = sheet.Id, IndicatorKey = indicator.Key, ScoredBy = "" };
                db.EvaluationScores.Add(score);
            }
            (score.Points, score.Note, score.EvidenceIds, score.ScoredBy, score.ScoredAt) = (points, note, evidence, user.UserName ?? "", now);
        }
        sheet.Version++;
        return await EvaluationQueries.SaveAsync(sheet, db, ct);
    }
}
