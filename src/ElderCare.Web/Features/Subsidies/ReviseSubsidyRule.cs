using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Subsidies;

/// <summary>
/// A new figure from a date (三(二)(三): rules are effective-dated data): the rule in force ends the day before, the new
/// one starts confirmed with its source. Nothing claimed is edited: a later claim of a year the change reaches reverses
/// the lines whose amount changed and claims them anew (<see cref="ClaimReconciliation"/>).
/// </summary>
public static class ReviseSubsidyRule
{
    /// <param name="AmountFen">The new figure: fen for an amount, ‰ for a grade factor (900 = 0.9).</param>
    public sealed record Input(long? AmountFen, DateOnly? EffectiveFrom, string? Source);

    /// <summary>A grade factor above 2.0 is surely a slip (a factor in fen, say).</summary>
    public const long MaxFactorPermille = 2000;

    public static async Task<Outcome<SubsidyRuleResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var rule = await db.SubsidyRules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null) return Outcome<SubsidyRuleResource>.NotFound("找不到该补贴标准。");
        if (rule.EffectiveTo is not null)
            return Outcome<SubsidyRuleResource>.Conflict($"该标准已于 {Display.Date(rule.EffectiveTo)} 停止执行，只能修订现行标准。");
        var errors = new FieldErrors();
        var factor = rule.Kind == SubsidyKind.GradeFactor;
        errors.AddIf(input.AmountFen is null or < 0, "amountFen", factor ? "请填写系数（千分比，例如 900 表示 0.9）。" : "请填写金额（分，不小于 0）。");
        errors.AddIf(factor && input.AmountFen > MaxFactorPermille, "amountFen", "系数不能大于 2.0（2000‰）。");
        errors.AddIf(input.EffectiveFrom is null, "effectiveFrom", "请填写新标准的执行日期。");
        errors.AddIf(input.EffectiveFrom <= rule.EffectiveFrom, "effectiveFrom",
            $"新标准的执行日期须晚于现行标准的执行日期 {Display.Date(rule.EffectiveFrom)}。");
        var source = errors.Text(input.Source, "source", "依据", FreeText.LongName)?.Trim();
        errors.AddIf(!errors.Any && string.IsNullOrEmpty(source), "source", "请填写新标准的依据，例如文件文号。");
        if (errors.Any) return Outcome<SubsidyRuleResource>.Invalid(errors);
        var from = input.EffectiveFrom!.Value;
        rule.EffectiveTo = from.AddDays(-1);
        var revised = new SubsidyRule
        {
            Kind = rule.Kind, FacilityType = rule.FacilityType, Grade = rule.Grade, SelfCare = rule.SelfCare, AmountFen = input.AmountFen!.Value,
            EffectiveFrom = from, FundingSource = rule.FundingSource, Source = source!, ConfirmedAt = clock.GetUtcNow().UtcDateTime,
            ConfirmedBy = user.UserName,
        };
        db.SubsidyRules.Add(revised);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<SubsidyRuleResource>.Conflict("该标准刚刚被他人修订，请刷新后重试。");
        }
        return SubsidyRuleResource.From(revised);
    }
}
