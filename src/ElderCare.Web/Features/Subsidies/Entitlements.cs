using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ElderCare.Web.Features.Assessments;
using ElderCare.Web.Features.Evaluations;
using ElderCare.Web.Features.Facilities;

namespace ElderCare.Web.Features.Subsidies;

/// <summary>What the computation knows of a facility: its status history, whether it meets Attachment 1's required rules, its results.</summary>
public sealed record FacilityFacts(Guid Id, string Name, FacilityType Type, string UnitCode, DateOnly? OpenedOn,
    IReadOnlyList<FacilityStatusChange> History, bool Compliant, IReadOnlyList<EvaluationResult> Results);

/// <summary>A recorded 特困 self-care determination: its id, date and care tier.</summary>
public sealed record SelfCareFact(Guid Id, DateOnly On, SelfCareAbility Ability);

/// <summary>A 特困 elder placed in a facility, with the elder's self-care determinations.</summary>
public sealed record PlacementFacts(Guid Id, Guid ElderId, Guid FacilityId, string UnitCode, DateOnly From, DateOnly? To,
    IReadOnlyList<SelfCareFact> SelfCare);

/// <summary>
/// An amount due, with its explanation and the evidence it stands on. <see cref="Key"/> names the entitlement (one
/// facility's operating subsidy of a year, one elder's month): the ledger holds at most one standing line per key.
/// <see cref="Basis"/> is a hash of the inputs: a new basis after a claim means a correction.
/// </summary>
public sealed record Entitlement(string Key, LedgerKind Kind, int Year, int? Month, Guid? FacilityId, string TownCode, Guid? ElderId,
    long AmountFen, string Explanation, IReadOnlyList<string> Evidence, FundingSource FundingSource)
{
    public string Basis => Entitlements.Hash($"{Key}|{AmountFen}|{FundingSource}|{Explanation}|{string.Join(",", Evidence)}");
}

/// <summary>
/// The amount rules of 三(二)(三), pure: rules, facts and the day of the computation come in, entitlements go out.
/// A month counts when the facility is operating (or the elder placed) on its last day, and only months that have
/// ended by the day of the computation count. Amounts are integer fen; a prorated amount is rounded half up to the fen.
/// </summary>
public static class Entitlements
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The status on a day from the history (the latest change on or before it), as <see cref="FacilityQueries.OperatingOn"/>.</summary>
    public static bool OperatingOn(FacilityFacts f, DateOnly day) =>
        f.OpenedOn is { } opened && opened <= day
        && f.History.Where(c => c.On <= day).OrderByDescending(c => c.On).ThenByDescending(c => c.RecordedAt)
            .Select(c => (FacilityStatus?)c.Status).FirstOrDefault() == FacilityStatus.Operating;

    public static DateOnly MonthEnd(int year, int month) => new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);

    /// <summary>Months of the year (ended by <paramref name="today"/>) on whose last day the facility was operating.</summary>
    public static int MonthsOperating(FacilityFacts f, int year, DateOnly today) =>
        Enumerable.Range(1, 12).Count(m => MonthEnd(year, m) <= today && OperatingOn(f, MonthEnd(year, m)));

    /// <summary>n × num / den rounded half up (non-negative inputs), in integers.</summary>
    public static long Prorate(long amount, long numerator, long denominator) => (amount * numerator * 2 + denominator) / (denominator * 2);

    /// <summary>
    /// 运营补贴: annual amount × months operating in the year / 12 × grade factor of that year's evaluation, e.g.
    /// "40,000 × 9/12 个月 × 良好 0.9 = 27,000 元". Nothing is due without an approved annual evaluation of the year,
    /// for a month count of 0, or a factor of 0 (不合格). The rule and factor in force on the last day of the year apply.
    /// </summary>
    public static Entitlement? OperatingSubsidy(FacilityFacts f, int year, DateOnly today, RuleBook rules)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        var annual = rules.Find(SubsidyKind.OperatingSubsidy, yearEnd, type: f.Type);
        var result = f.Results.FirstOrDefault(r => r.Kind == EvaluationKind.Annual && r.Year == year);
        if (annual is null || result is null) return null;
        var factor = rules.Find(SubsidyKind.GradeFactor, yearEnd, grade: result.Grade);
        if (factor is null) return null;
        var months = MonthsOperating(f, year, today);
        var amount = Prorate(annual.AmountFen * months, factor.AmountFen, 12 * 1000);
        if (amount <= 0) return null;
        var text = $"{Yuan(annual.AmountFen)} × {months}/12 个月 × {GradeName(result.Grade)} {Factor(factor.AmountFen)} = {Yuan(amount)} 元";
        return new($"operating:{f.Id:N}:{year}", LedgerKind.OperatingSubsidy, year, null, f.Id, f.UnitCode, null, amount, text,
            [$"evaluation-result:{result.Id}", $"rule:{annual.Id}", $"grade-factor:{factor.Id}{Unconfirmed(factor)}", $"months:{months}"],
            annual.FundingSource);
    }

    /// <summary>
    /// 以奖代补 per street centre or community station: due once, when the facility is operating, meets Attachment 1's
    /// required rules and has passed its construction acceptance (验收) in or before the year.
    /// </summary>
    public static Entitlement? ConstructionAward(FacilityFacts f, int year, DateOnly today, RuleBook rules)
    {
        if (f.Type is not (FacilityType.StreetCenter or FacilityType.CommunityStation)) return null;
        var day = Min(new DateOnly(year, 12, 31), today);
        var rule = rules.Find(SubsidyKind.ConstructionAward, day, type: f.Type);
        var acceptance = Acceptance(f, year);
        if (rule is null || acceptance is null || !f.Compliant || !OperatingOn(f, day)) return null;
        var text = $"{Labels.Of(f.Type)}以奖代补 {Yuan(rule.AmountFen)} 元（运营中、符合附件1必备要求、验收合格 " +
                   $"{acceptance.Score.ToString("0.0", Invariant)} 分）= {Yuan(rule.AmountFen)} 元";
        return new($"construction:{f.Id:N}", LedgerKind.ConstructionAward, year, null, f.Id, f.UnitCode, null, rule.AmountFen, text,
            [$"evaluation-result:{acceptance.Id}", $"rule:{rule.Id}"], rule.FundingSource);
    }

    /// <summary>
    /// 以奖代补 per town (its centre and its village points together): due once, when a town centre and every planned
    /// village point of the town (the plan's total when done) are operating, meet Attachment 1 and passed acceptance.
    /// </summary>
    public static Entitlement? TownAward(string townCode, IReadOnlyList<FacilityFacts> facilities, int plannedVillagePoints, int year,
        DateOnly today, RuleBook rules)
    {
        var day = Min(new DateOnly(year, 12, 31), today);
        var rule = rules.Find(SubsidyKind.TownAward, day, type: FacilityType.TownCenter);
        bool Ready(FacilityFacts f) => f.Compliant && OperatingOn(f, day) && Acceptance(f, year) is not null;
        var centre = facilities.Where(f => f.UnitCode == townCode && f.Type == FacilityType.TownCenter && Ready(f))
            .OrderBy(f => f.Id).FirstOrDefault();
        var points = facilities.Where(f => f.UnitCode == townCode && f.Type == FacilityType.VillagePoint && Ready(f)).OrderBy(f => f.Id).ToList();
        if (rule is null || centre is null || points.Count < plannedVillagePoints) return null;
        var text = $"镇以奖代补 {Yuan(rule.AmountFen)} 元（镇养老服务中心验收合格；规划村级互助养老点 {plannedVillagePoints} 个，" +
                   $"运营且验收合格 {points.Count} 个）= {Yuan(rule.AmountFen)} 元";
        var evidence = new[] { centre }.Concat(points).Select(f => $"evaluation-result:{Acceptance(f, year)!.Id}").Append($"rule:{rule.Id}")
            .Append($"planned-village-points:{plannedVillagePoints}").ToList();
        return new($"town:{townCode}", LedgerKind.TownAward, year, null, centre.Id, townCode, null, rule.AmountFen, text, evidence,
            rule.FundingSource);
    }

    /// <summary>
    /// 特困人员集中供养 fee per placed elder per month (三(二)(三)): basic living + nursing by the care tier of the latest
    /// 特困 self-care determination on or before the month's end + operating fee, at the 敬老院 rate in force on the
    /// month's last day; routed to the town (street) the facility lies in. A month counts when the elder is placed on its
    /// last day; nothing is due for a month without a determination.
    /// </summary>
    public static IEnumerable<Entitlement> PlacementFees(PlacementFacts p, int year, DateOnly today, RuleBook rules)
    {
        for (var m = 1; m <= 12; m++)
        {
            var end = MonthEnd(year, m);
            if (end > today || p.From > end || p.To is { } to && to < end) continue;
            var care = p.SelfCare.Where(s => s.On <= end).OrderByDescending(s => s.On).FirstOrDefault();
            var basic = rules.Find(SubsidyKind.PlacementBasicLiving, end);
            var operating = rules.Find(SubsidyKind.PlacementOperating, end);
            var nursing = care is null ? null : rules.Find(SubsidyKind.PlacementNursing, end, selfCare: care.Ability);
            if (care is null || basic is null || operating is null || nursing is null) continue;
            var amount = basic.AmountFen + nursing.AmountFen + operating.AmountFen;
            var tier = ExtremePovertySelfCare.CareTierOf(care.Ability);
            var text = $"{year}-{m:00} {tier}：基本生活 {Yuan(basic.AmountFen)} + 护理（{tier}）{Yuan(nursing.AmountFen)} + 运营 " +
                       $"{Yuan(operating.AmountFen)} = {Yuan(amount)} 元";
            yield return new($"placement:{p.ElderId:N}:{year}-{m:00}", LedgerKind.PlacementFee, year, m, p.FacilityId, p.UnitCode,
                p.ElderId, amount, text,
                [$"placement:{p.Id}", $"self-care:{care.Id}", $"rule:{basic.Id}{Unconfirmed(basic)}", $"rule:{nursing.Id}{Unconfirmed(nursing)}",
                 $"rule:{operating.Id}{Unconfirmed(operating)}"], basic.FundingSource);
        }
    }

    public static EvaluationResult? Acceptance(FacilityFacts f, int year) =>
        f.Results.Where(r => r.Kind == EvaluationKind.Acceptance && r.Passed && r.Year <= year).OrderByDescending(r => r.Year).FirstOrDefault();

    public static string GradeName(EvaluationGrade g) => g switch
    {
        EvaluationGrade.Excellent => "优秀",
        EvaluationGrade.Good => "良好",
        EvaluationGrade.Pass => "合格",
        EvaluationGrade.Fail => "不合格",
        _ => g.ToString(),
    };

    /// <summary>Yuan without decimals when whole, else two: 4000000 → "40,000", 2700050 → "27,000.50".</summary>
    public static string Yuan(long fen) => fen % 100 == 0
        ? (fen / 100).ToString("#,0", Invariant)
        : (fen / 100m).ToString("#,0.00", Invariant);

    /// <summary>A factor in ‰ as a decimal: 900 → "0.9", 1000 → "1.0", 0 → "0".</summary>
    public static string Factor(long permille) =>
        permille % 1000 == 0 ? (permille / 1000).ToString(Invariant) + (permille == 0 ? "" : ".0") : (permille / 1000m).ToString("0.###", Invariant);

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Unconfirmed(SubsidyRule r) => r.Confirmed ? "" : "（待确认）";

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

/// <summary>The rules loaded once; the one in force on a day for a kind (and type, grade or tier), the latest start first.</summary>
public sealed class RuleBook(IEnumerable<SubsidyRule> rules)
{
    private readonly IReadOnlyList<SubsidyRule> _rules = rules.OrderByDescending(r => r.EffectiveFrom).ToList();

    public SubsidyRule? Find(SubsidyKind kind, DateOnly day, FacilityType? type = null, EvaluationGrade? grade = null,
        SelfCareAbility? selfCare = null) =>
        _rules.FirstOrDefault(r => r.Kind == kind && r.FacilityType == type && r.Grade == grade && r.SelfCare == selfCare && r.InForceOn(day));
}
