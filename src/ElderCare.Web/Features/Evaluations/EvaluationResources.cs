using ElderCare.Web.Features.Facilities;

namespace ElderCare.Web.Features.Evaluations;

/// <summary>A template with its indicators and grade bands; <c>confirmed</c> false shows 待确认 (ADR 0023).</summary>
public sealed record EvaluationTemplateResource(Guid Id, int Year, EvaluationKind Kind, FacilityType? FacilityType, string Name,
    IReadOnlyList<IndicatorResource> Indicators, IReadOnlyList<GradeBandResource> Bands, bool Confirmed, string Source,
    DateTime? ConfirmedAt, string? ConfirmedBy)
{
    public static EvaluationTemplateResource From(EvaluationTemplate t) => new(t.Id, t.Year, t.Kind, t.FacilityType, t.Name,
        t.Indicators.Select(IndicatorResource.From).ToList(), t.Bands.OrderByDescending(b => b.MinScore)
            .Select(b => new GradeBandResource(b.Grade, b.MinScore)).ToList(), t.Confirmed, t.Source, t.ConfirmedAt, t.ConfirmedBy);
}

public sealed record IndicatorResource(string Key, IndicatorGroup Group, string Name, int MaxPoints, string HowToScore, bool EvidenceRequired)
{
    public static IndicatorResource From(EvaluationIndicator i) => new(i.Key, i.Group, i.Name, i.MaxPoints, i.HowToScore, i.EvidenceRequired);
}

public sealed record GradeBandResource(EvaluationGrade Grade, decimal MinScore);

public sealed record EvaluationRoundResource(Guid Id, int Year, EvaluationKind Kind, string Name, string OpenedBy, DateTime OpenedAt)
{
    public static EvaluationRoundResource From(EvaluationRound r) => new(r.Id, r.Year, r.Kind, r.Name, r.OpenedBy, r.OpenedAt);
}

public sealed record ScoreResource(string IndicatorKey, decimal Points, string? Note, IReadOnlyList<Guid> EvidenceIds, string ScoredBy,
    DateTime ScoredAt);

public sealed record ObjectionResource(string Reason, string By, DateTime At);

/// <summary>
/// One evaluation sheet: the facility, the round, the template's indicators, the scores so far, the total and the grade
/// the bands give it (final once approved), the objection and the approval.
/// </summary>
public sealed record EvaluationResource(Guid Id, Guid RoundId, string RoundName, int Year, EvaluationKind Kind, Guid FacilityId,
    string FacilityName, string UnitCode, Guid TemplateId, string TemplateName, bool TemplateConfirmed, string EvaluatorOrganisation,
    IReadOnlyList<Guid> EvaluatorUserIds, EvaluationStatus Status, IReadOnlyList<IndicatorResource> Indicators,
    IReadOnlyList<ScoreResource> Scores, decimal Total, EvaluationGrade Grade, DateTime? SubmittedAt, string? SubmittedBy,
    ObjectionResource? Objection, string? ApprovedBy, DateTime? ApprovedAt, int Version)
{
    public bool Locked => Status == EvaluationStatus.Approved;

    internal static EvaluationResource From(Evaluation e, EvaluationRound round, EvaluationTemplate template, string facilityName)
    {
        var total = EvaluationScoring.Total(EvaluationScoring.Of(e.Scores));
        var order = template.Indicators.Select((i, n) => (i.Key, n)).ToDictionary(x => x.Key, x => x.n);
        return new(e.Id, e.RoundId, round.Name, round.Year, round.Kind, e.FacilityId, facilityName, e.UnitCode, e.TemplateId, template.Name,
            template.Confirmed, e.EvaluatorOrganisation, e.EvaluatorUserIds, e.Status, template.Indicators.Select(IndicatorResource.From).ToList(),
            e.Scores.OrderBy(s => order.GetValueOrDefault(s.IndicatorKey, int.MaxValue))
                .Select(s => new ScoreResource(s.IndicatorKey, s.Points, s.Note, s.EvidenceIds, s.ScoredBy, s.ScoredAt)).ToList(),
            total, EvaluationScoring.Grade(total, template.Bands), e.SubmittedAt, e.SubmittedBy,
            e.ObjectionReason is { } reason ? new ObjectionResource(reason, e.ObjectedBy ?? "", e.ObjectedAt ?? default) : null,
            e.ApprovedBy, e.ApprovedAt, e.Version);
    }
}
