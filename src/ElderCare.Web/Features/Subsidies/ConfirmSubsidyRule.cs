using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Subsidies;

/// <summary>
/// The district confirms a placeholder figure (a grade factor, a 敬老院 rate) as it stands (ADR 0023): the 待确认 mark
/// goes from the figure and from the explanations of amounts claimed after; the source and the user are kept.
/// </summary>
public static class ConfirmSubsidyRule
{
    public sealed record Input(string? Source);

    public static Task<Outcome<SubsidyRuleResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct) =>
        Placeholders.Confirm(input.Source, user, clock, db, () => db.SubsidyRules.FirstOrDefaultAsync(r => r.Id == id, ct),
            "找不到该补贴标准。", "该补贴标准", SubsidyRuleResource.From, ct);
}
