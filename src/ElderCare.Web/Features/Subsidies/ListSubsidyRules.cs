using ElderCare.Web.Data;
using ElderCare.Web.Features.Assessments;
using ElderCare.Web.Features.Evaluations;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Subsidies;

public sealed record SubsidyRuleResource(Guid Id, SubsidyKind Kind, string KindName, FacilityType? FacilityType, EvaluationGrade? Grade,
    SelfCareAbility? SelfCare, long AmountFen, string Figure, DateOnly EffectiveFrom, DateOnly? EffectiveTo, FundingSource FundingSource,
    string Source, bool Confirmed)
{
    public static SubsidyRuleResource From(SubsidyRule r) => new(r.Id, r.Kind, SubsidyLabels.Of(r.Kind), r.FacilityType, r.Grade, r.SelfCare,
        r.AmountFen, ListSubsidyRules.Figure(r), r.EffectiveFrom, r.EffectiveTo, r.FundingSource, r.Source, r.Confirmed);
}

/// <summary>The money rules, by kind and start date; a placeholder's figure carries the 待确认 mark (ADR 0023).</summary>
public static class ListSubsidyRules
{
    public static async Task<IReadOnlyList<SubsidyRuleResource>> Handle(AppDbContext db, CancellationToken ct) =>
        (await db.SubsidyRules.AsNoTracking().ToListAsync(ct))
        .OrderBy(r => r.Kind).ThenBy(r => r.FacilityType).ThenBy(r => r.Grade).ThenBy(r => r.SelfCare).ThenByDescending(r => r.EffectiveFrom)
        .Select(SubsidyRuleResource.From)
        .ToList();

    public static string Figure(SubsidyRule r)
    {
        var what = r.FacilityType is { } t ? Labels.Of(t) + " " : r.Grade is { } g ? Entitlements.GradeName(g) + " "
            : r.SelfCare is { } s ? ExtremePovertySelfCare.CareTierOf(s) + " " : "";
        var figure = r.Kind == SubsidyKind.GradeFactor ? Entitlements.Factor(r.AmountFen) : Entitlements.Yuan(r.AmountFen) + " 元";
        return what + figure + (r.Confirmed ? "" : $"（{Placeholders.Mark}）");
    }
}
