using ElderCare.Web.Features.Facilities;

namespace ElderCare.Web.Features.Coverage;

/// <summary>Counts over the facilities operating on a date, per type.</summary>
public sealed record OperatingFacts(
    FacilityType Type, int Count, int Socialized, int WithMedicalCare, int Integrated, int BedsTotal, int BedsNursing);

/// <summary><c>Status</c>: <c>met</c> (已达标), <c>not-met</c> (未达标) or <c>no-data</c> (数据缺失: nothing to measure yet).</summary>
public sealed record Kpi(string Key, string Name, double? Value, double Target, DateOnly Deadline, bool Met, string Unit, string Definition)
{
    public string Status => Met ? "met" : Value is null ? "no-data" : "not-met";

    /// <summary>The target is a placeholder the policy does not give, shown 待确认 until the district sets one (ADR 23).</summary>
    public bool PlaceholderTarget { get; init; }
}

/// <summary>
/// The KPIs of 一、工作目标 and 二(五). Every ratio is over facilities operating on the date asked (opened on or before
/// it, status "operating" then); a ratio with nothing to divide by has no value and is not met.
/// </summary>
public static class Kpis
{
    public const string SocializedUrban = "socialized-operation-urban";
    public const string SocializedRural = "socialized-operation-rural";
    public const string MedicalCareCapability = "medical-care-capability";
    public const string NursingBedShare = "nursing-bed-share";
    public const string MedicalCareInstitutions = "medical-care-institutions";
    public const string StreetCenterCoverage = "street-center-coverage";
    public const string CommunityStationCoverage = "community-station-coverage";
    public const string TownCenterCoverage = "town-center-coverage";
    public const string VillagePointCoverage = "village-point-coverage";
    public const string PriorityEldersAssessed = "priority-elders-assessed";
    public const string PriorityEldersServed = "priority-elders-served";
    public const string PriorityEldersInCircle = "priority-elders-in-circle";

    /// <summary>
    /// Targets the policy does not give (ADR 23, 待确认): 二(四) asks for the 一刻钟 circle without a figure, so the share
    /// of priority elders within it is measured against a placeholder until the district seeds a target of its own.
    /// </summary>
    public static readonly IReadOnlyList<KpiTarget> PlaceholderTargets =
    [
        new() { Key = PriorityEldersInCircle, EffectiveFrom = new DateOnly(2020, 1, 1), Target = 0.9, Deadline = new DateOnly(2022, 12, 31),
            Source = Shared.Placeholders.Source },
    ];

    public sealed record Definition(string Key, string Name, string Unit, string Text);

    public static readonly IReadOnlyList<Definition> Definitions =
    [
        new(SocializedUrban, "城市养老服务设施社会化运营率", "ratio",
            "运营中的街道养老服务中心和社区养老服务站中，运营方式不是公办公营（公建民营、民办公助、民办）的比例。目标≥90%。"),
        new(SocializedRural, "农村养老服务设施社会化运营率", "ratio",
            "运营中的镇养老服务中心和村级互助养老点中，运营方式不是公办公营的比例。目标≥60%。"),
        new(MedicalCareCapability, "具备医养服务能力的设施比例", "ratio",
            "运营中的设施中，医养结合方式不为“无”（签约合作、内设医疗机构或医养结合型机构）的比例。目标100%。"),
        new(NursingBedShare, "护理型床位占比", "ratio", "运营中设施的护理型床位数之和除以床位总数之和。目标≥50%。"),
        new(MedicalCareInstitutions, "社区医养结合型机构数", "count", "运营中且医养结合方式为“医养结合型机构”的设施数。目标≥5个。"),
        new(StreetCenterCoverage, "街道养老服务中心覆盖率", "ratio", "有运营中且达到附件1建设标准的街道养老服务中心的街道占全部街道的比例（未达标的不计）。2020年底前100%。"),
        new(CommunityStationCoverage, "社区养老服务站覆盖率", "ratio",
            "各镇街运营中且达标的社区养老服务站数（不超过其社区数）之和除以社区数之和；未录入社区数的镇街不计入分母，并列为缺口。2020年底前100%。"),
        new(TownCenterCoverage, "镇养老服务中心覆盖率", "ratio", "有运营中且达到附件1建设标准的镇养老服务中心的镇占全部镇的比例（未达标的不计）。2022年底前100%。"),
        new(VillagePointCoverage, "村级互助养老点覆盖率", "ratio",
            "各镇街运营中且达标（有专用活动用房）的村级互助养老点数（不超过其行政村数）之和除以行政村数之和。2022年底前100%。"),
        // 一、工作目标 "老年人普遍享有基本养老服务，优先满足高龄、失能、特殊困难老年人": the assessed half, and the full
        // measure — a current assessment AND a service contact (a verified visit) in the last quarter (ElderQueries).
        new(PriorityEldersAssessed, "重点老年人能力评估覆盖率", "ratio",
            "在册的重点老年人（按当前生效的重点人群规则）中，有12个月内且病情无变化的有效能力评估的比例。2022年底前100%。"),
        new(PriorityEldersServed, "重点老年人基本养老服务覆盖率", "ratio",
            "在册的重点老年人中，既有有效能力评估、近3个月内又有核验通过的上门服务的比例（只计核验通过的服务）。2022年底前100%。"),
        // 二(四) 一刻钟便捷养老服务圈: priority elders with a recorded home within a 15-minute walk of an operating facility
        // up to the 附件1 standard (Map/GetReach, the same walk as the service map). The policy gives no figure: 待确认.
        new(PriorityEldersInCircle, "一刻钟服务圈内重点老年人占比", "ratio",
            "登记了住址坐标的在册重点老年人中，步行15分钟内（按路网或直线×绕行系数）可达运营中且达标的养老服务设施的比例。目标值为占位数值（待确认）。"),
    ];

    public static IReadOnlyList<Kpi> Compute(IReadOnlyCollection<OperatingFacts> facts, IReadOnlyCollection<UnitCoverage> units,
        IReadOnlyCollection<KpiTarget> targets, (int Priority, int Assessed, int Served) elders = default,
        (int Priority, int Within) circle = default)
    {
        var urban = facts.Where(f => f.Type is FacilityType.StreetCenter or FacilityType.CommunityStation).ToList();
        var rural = facts.Where(f => f.Type is FacilityType.TownCenter or FacilityType.VillagePoint).ToList();
        var values = new Dictionary<string, double?>
        {
            [SocializedUrban] = Ratio(urban.Sum(f => f.Socialized), urban.Sum(f => f.Count)),
            [SocializedRural] = Ratio(rural.Sum(f => f.Socialized), rural.Sum(f => f.Count)),
            [MedicalCareCapability] = Ratio(facts.Sum(f => f.WithMedicalCare), facts.Sum(f => f.Count)),
            [NursingBedShare] = Ratio(facts.Sum(f => f.BedsNursing), facts.Sum(f => f.BedsTotal)),
            [MedicalCareInstitutions] = facts.Sum(f => f.Integrated),
            [StreetCenterCoverage] = CoverageRatio(units, FacilityType.StreetCenter),
            [CommunityStationCoverage] = CoverageRatio(units, FacilityType.CommunityStation),
            [TownCenterCoverage] = CoverageRatio(units, FacilityType.TownCenter),
            [VillagePointCoverage] = CoverageRatio(units, FacilityType.VillagePoint),
            [PriorityEldersAssessed] = Ratio(elders.Assessed, elders.Priority),
            [PriorityEldersServed] = Ratio(elders.Served, elders.Priority),
            [PriorityEldersInCircle] = Ratio(circle.Within, circle.Priority),
        };
        return Definitions.Select(d =>
        {
            var seeded = targets.Where(t => t.Key == d.Key).MaxBy(t => t.EffectiveFrom);
            var target = seeded ?? PlaceholderTargets.FirstOrDefault(t => t.Key == d.Key);
            var value = values[d.Key];
            var met = target is not null && value is { } v && v >= target.Target - 1e-9;
            return new Kpi(d.Key, d.Name, value is { } x ? Math.Round(x, 4) : null, target?.Target ?? 0,
                target?.Deadline ?? default, met, d.Unit, d.Text) { PlaceholderTarget = seeded is null && target is not null };
        }).ToList();
    }

    /// <summary>Σ min(operating, required) / Σ required over the units whose requirement is known.</summary>
    public static double? CoverageRatio(IEnumerable<UnitCoverage> units, FacilityType type)
    {
        var known = units.Select(u => u.Of(type)).Where(c => c.Required is > 0).ToList();
        return Ratio(known.Sum(c => Math.Min(c.Operating, c.Required!.Value)), known.Sum(c => c.Required!.Value));
    }

    private static double? Ratio(int part, int whole) => whole == 0 ? null : (double)part / whole;

    /// <summary>
    /// The goals one street or town is measured by (一、工作目标): a street has a street centre and community stations, a
    /// town a town centre, village points and the stations of its seat. A goal for the other kind of unit has nothing to
    /// measure there and is not shown to its officer as "数据缺失"; medical care and priority elders apply to both.
    /// </summary>
    public static bool AppliesTo(string key, Regions.RegionKind unit) => key switch
    {
        StreetCenterCoverage => unit == Regions.RegionKind.Street,
        TownCenterCoverage or VillagePointCoverage or SocializedRural => unit == Regions.RegionKind.Town,
        _ => true,
    };

    /// <summary>The dashboard's groups: coverage (一、工作目标), operation and medical care (二(三)、二(五)), priority elders.</summary>
    public static readonly IReadOnlyList<(string Name, string[] Keys)> Groups =
    [
        ("覆盖目标", [StreetCenterCoverage, CommunityStationCoverage, TownCenterCoverage, VillagePointCoverage]),
        ("运营与医养结合目标", [SocializedUrban, SocializedRural, MedicalCareCapability, NursingBedShare, MedicalCareInstitutions]),
        ("重点老年人服务目标", [PriorityEldersAssessed, PriorityEldersServed, PriorityEldersInCircle]),
    ];
}
