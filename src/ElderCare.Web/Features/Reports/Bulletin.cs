using ElderCare.Web.Features.Coverage;
using ElderCare.Web.Features.Regions;

namespace ElderCare.Web.Features.Reports;

/// <summary>红 / 黄 / 绿 against a policy target; grey when there is nothing to measure.</summary>
public enum Rag { Green, Amber, Red, Grey }

/// <summary>An approved report as the bulletin reads it: the unit and its locked values.</summary>
public sealed record ApprovedReport(string UnitCode, string UnitName, RegionKind Kind, IReadOnlyDictionary<string, IndicatorValue> Values);

/// <summary>A target the bulletin measures: an indicator of the form, the kind of unit it applies to, and the KPI target key.</summary>
public sealed record BulletinTarget(string Code, RegionKind? Kind, string KpiKey, string Name);

/// <summary>One target's district progress: Σ numerators / Σ denominators over the approved reports, and how many units meet it.</summary>
public sealed record TargetProgress(string KpiKey, string Name, double Target, DateOnly Deadline, decimal? Value, long Numerator,
    long Denominator, Rag Rag, int UnitsMet, int UnitsRated, bool DeadlinePassed);

public sealed record UnitCell(string KpiKey, decimal? Value, Rag Rag);

public sealed record UnitRanking(int Rank, string UnitCode, string UnitName, RegionKind Kind, int Points, int Green, int Amber, int Red,
    IReadOnlyList<UnitCell> Cells);

public sealed record BulletinTotal(string Code, string Name, string Unit, long Value);

/// <summary>The quarterly bulletin (通报) for the leading group, built from the approved reports of a quarter.</summary>
public sealed record BulletinResource(string Quarter, string QuarterLabel, DateOnly AsOf, string FormName, bool FormConfirmed, int Reports,
    int Approved, IReadOnlyList<string> NotApproved, IReadOnlyList<TargetProgress> Targets, IReadOnlyList<UnitRanking> Ranking,
    IReadOnlyList<BulletinTotal> Totals, double AmberMargin);

/// <summary>
/// The bulletin's rules (三、保障措施 "每季度通报工作进展情况"): each unit is rated 红/黄/绿 on every target that applies to it —
/// green when it meets the target (一、工作目标, 二(五)), amber when it is short by at most <see cref="AmberMargin"/> and the
/// deadline (2020 or 2022, year end) is still ahead on the quarter's last day, red otherwise; grey when nothing to measure.
/// Units rank by points (green 2, amber 1), then by greens, then by code; equal points and greens share a rank.
/// </summary>
public static class Bulletin
{
    /// <summary>How far short of a target is still amber: 20 percentage points, a placeholder (待确认, ADR 0023).</summary>
    public const double AmberMargin = 0.2;

    public static readonly IReadOnlyList<BulletinTarget> Targets =
    [
        new(ReportIndicators.CenterCoverage, RegionKind.Street, Kpis.StreetCenterCoverage, "街道养老服务中心覆盖率"),
        new(ReportIndicators.StationCoverage, null, Kpis.CommunityStationCoverage, "社区养老服务站覆盖率"),
        new(ReportIndicators.CenterCoverage, RegionKind.Town, Kpis.TownCenterCoverage, "镇养老服务中心覆盖率"),
        new(ReportIndicators.VillagePointCoverage, null, Kpis.VillagePointCoverage, "村级互助养老点覆盖率"),
        new(ReportIndicators.SocializedShare, RegionKind.Street, Kpis.SocializedUrban, "城市设施社会化运营率"),
        new(ReportIndicators.SocializedShare, RegionKind.Town, Kpis.SocializedRural, "农村设施社会化运营率"),
        new(ReportIndicators.MedicalCareShare, null, Kpis.MedicalCareCapability, "具备医养服务能力的设施比例"),
        new(ReportIndicators.NursingBedShare, null, Kpis.NursingBedShare, "护理型床位占比"),
    ];

    /// <summary>Counts the bulletin sums over the approved reports.</summary>
    public static readonly IReadOnlyList<string> Totalled =
    [
        ReportIndicators.FacilitiesBuilt, ReportIndicators.EldersAssessed, ReportIndicators.EldersServed, ReportIndicators.VisitsVerified,
        ReportIndicators.MealsServed, ReportIndicators.AlarmsRaised, ReportIndicators.Complaints, ReportIndicators.MoneyPaid,
    ];

    public static Rag Rate(decimal? value, double target, DateOnly deadline, DateOnly asOf)
    {
        if (value is not { } v) return Rag.Grey;
        var x = (double)v;
        if (x >= target - 1e-9) return Rag.Green;
        return asOf < deadline && x >= target - AmberMargin - 1e-9 ? Rag.Amber : Rag.Red;
    }

    public static int Points(Rag r) => r switch { Rag.Green => 2, Rag.Amber => 1, _ => 0 };

    private static bool Applies(BulletinTarget t, RegionKind kind) => t.Kind is null || t.Kind == kind;

    public static (IReadOnlyList<TargetProgress> Targets, IReadOnlyList<UnitRanking> Ranking, IReadOnlyList<BulletinTotal> Totals) Build(
        IReadOnlyList<ApprovedReport> reports, IReadOnlyCollection<KpiTarget> kpiTargets, DateOnly asOf,
        IReadOnlyDictionary<string, (string Name, string Unit)> names)
    {
        var targets = Targets.Select(t => (t, kpi: kpiTargets.Where(k => k.Key == t.KpiKey && k.EffectiveFrom <= asOf).MaxBy(k => k.EffectiveFrom)))
            .Where(x => x.kpi is not null).Select(x => (x.t, kpi: x.kpi!)).ToList();
        var progress = targets.Select(x =>
        {
            var values = reports.Where(r => Applies(x.t, r.Kind)).Select(r => r.Values.GetValueOrDefault(x.t.Code)).ToList();
            var n = values.Sum(v => v?.Value is null ? 0 : v.Numerator ?? 0);
            var d = values.Sum(v => v?.Value is null ? 0 : v.Denominator ?? 0);
            decimal? value = d == 0 ? null : Math.Round((decimal)n / d, 4, MidpointRounding.AwayFromZero);
            var rated = values.Where(v => v?.Value is not null).ToList();
            var rag = Rate(value, x.kpi.Target, x.kpi.Deadline, asOf);
            return new TargetProgress(x.t.KpiKey, x.t.Name, x.kpi.Target, x.kpi.Deadline, value, n, d, rag,
                rated.Count(v => (double)v!.Value!.Value >= x.kpi.Target - 1e-9), rated.Count, asOf >= x.kpi.Deadline);
        }).ToList();
        var ranked = reports.Select(r =>
        {
            var cells = targets.Where(x => Applies(x.t, r.Kind)).Select(x =>
            {
                var v = r.Values.GetValueOrDefault(x.t.Code)?.Value;
                return new UnitCell(x.t.KpiKey, v, Rate(v, x.kpi.Target, x.kpi.Deadline, asOf));
            }).ToList();
            return (r, cells, points: cells.Sum(c => Points(c.Rag)), green: cells.Count(c => c.Rag == Rag.Green));
        }).OrderByDescending(x => x.points).ThenByDescending(x => x.green).ThenBy(x => x.r.UnitCode, StringComparer.Ordinal).ToList();
        var ranking = ranked.Select(x => new UnitRanking(
            1 + ranked.Count(y => y.points > x.points || (y.points == x.points && y.green > x.green)), x.r.UnitCode, x.r.UnitName, x.r.Kind,
            x.points, x.green, x.cells.Count(c => c.Rag == Rag.Amber), x.cells.Count(c => c.Rag == Rag.Red), x.cells)).ToList();
        var totals = Totalled.Where(names.ContainsKey).Select(code => new BulletinTotal(code, names[code].Name, names[code].Unit,
            reports.Sum(r => (long)(r.Values.GetValueOrDefault(code)?.Value ?? 0)))).ToList();
        return (progress, ranking, totals);
    }

    public static string Label(Rag r) => r switch { Rag.Green => "绿", Rag.Amber => "黄", Rag.Red => "红", _ => "—" };

    public static string Tone(Rag r) => r switch { Rag.Green => "green", Rag.Amber => "amber", Rag.Red => "red", _ => "grey" };
}
