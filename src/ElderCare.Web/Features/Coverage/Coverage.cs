using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Coverage;

/// <summary>The facts about one street or town that its coverage is computed from.</summary>
public sealed record UnitFacts(
    string Code, string Name, RegionKind Kind,
    int? CommunityCount, int? VillageCount, int RegisteredCommunities, int RegisteredVillages,
    IReadOnlyDictionary<FacilityType, int> Operating,
    IReadOnlyDictionary<FacilityType, int> PlannedWhenDone)
{
    /// <summary>Operating but failing a required 附件1 rule (运营中，未达标): shown beside coverage, never counted in it.</summary>
    public IReadOnlyDictionary<FacilityType, int> OperatingNotCompliant { get; init; } = new Dictionary<FacilityType, int>();

    /// <summary>Types whose plan row the district has not confirmed yet.</summary>
    public IReadOnlySet<FacilityType> PlanToConfirm { get; init; } = new HashSet<FacilityType>();
}

/// <summary><c>Operating</c> counts facilities up to the 附件1 standard (达标); <c>NotCompliant</c> those operating below it.</summary>
public sealed record TypeCoverage(int? Required, int? Planned, int Operating)
{
    public int NotCompliant { get; init; }
    public string State { get; init; } = CoverageStates.Covered;
}

/// <summary>A gap: <c>operating</c> (fewer running than required), <c>plan</c> (the plan itself falls short) or <c>unknown</c>.</summary>
public sealed record Gap(FacilityType Type, string Kind, int Missing, string Message);

public sealed record UnitCoverage(
    string RegionCode, string Name, RegionKind Kind,
    IReadOnlyDictionary<string, TypeCoverage> Facilities, bool Covered, IReadOnlyList<Gap> Gaps)
{
    public TypeCoverage Of(FacilityType t) => Facilities[EnumText.Of(t)];

    /// <summary>The most pressing state of the types the unit must have (<see cref="CoverageStates"/>).</summary>
    public string State => CoverageStates.Worst(Facilities.Values.Where(c => c.Required is not 0).Select(c => c.State));
}

/// <summary>
/// 一、工作目标 / 二(一): one centre per street or town, one station per community, one mutual-aid point per
/// administrative village. Pure: counts in, coverage and gaps out.
/// </summary>
public static class CoverageRules
{
    public static readonly FacilityType[] Types =
        [FacilityType.StreetCenter, FacilityType.CommunityStation, FacilityType.TownCenter, FacilityType.VillagePoint];

    /// <summary>How many of a type the policy requires in a unit; null when the figure it depends on is unknown.</summary>
    public static int? Required(UnitFacts u, FacilityType type) => type switch
    {
        // "每个街道至少建设1个街道养老服务中心", "每个镇至少建设1个镇养老服务中心"
        FacilityType.StreetCenter => u.Kind == RegionKind.Street ? 1 : 0,
        FacilityType.TownCenter => u.Kind == RegionKind.Town ? 1 : 0,
        // "每个社区至少建设1个社区养老服务站" — the larger of the entered count and the communities registered
        FacilityType.CommunityStation => Known(u.CommunityCount, u.RegisteredCommunities),
        // "每个行政村至少建设1个村级互助养老点"
        _ => Known(u.VillageCount, u.RegisteredVillages),
    };

    private static int? Known(int? entered, int registered) =>
        entered is null && registered == 0 ? null : Math.Max(entered ?? 0, registered);

    /// <summary>
    /// 已覆盖 when the facilities up to standard meet the requirement; 规划覆盖 when the plan does; short of that, 待确认
    /// while the plan row is unconfirmed (or there is none), else 规划缺口; 数据缺失 when the requirement is unknown.
    /// </summary>
    public static string State(int? required, int? planned, int operatingCompliant, bool planToConfirm) =>
        required is null ? CoverageStates.DataMissing
        : operatingCompliant >= required ? CoverageStates.Covered
        : planned >= required ? CoverageStates.CoveredByPlan
        : planToConfirm || planned is null ? CoverageStates.ToConfirm
        : CoverageStates.PlanGap;

    /// <summary>
    /// A to-confirm shortfall balanced by plan surpluses elsewhere (峰高 8/7 and 盘龙 12/9 against 昌元 2/4, 双河 1/2,
    /// 清升 2/3) points at shifted cells: the gap's message names the units with a surplus.
    /// </summary>
    public static IReadOnlyList<UnitCoverage> NoteSurpluses(IReadOnlyList<UnitCoverage> units)
    {
        var result = units.ToList();
        foreach (var type in Types)
        {
            var key = EnumText.Of(type);
            var surplus = units.Where(u => u.Facilities[key] is { Required: { } r, Planned: { } p } && p > r)
                .Select(u => (u.Name, Extra: u.Facilities[key].Planned!.Value - u.Facilities[key].Required!.Value)).ToList();
            var shortfall = units.SelectMany(u => u.Gaps).Where(g => g.Type == type && g.Kind == "to-confirm").Sum(g => g.Missing);
            if (surplus.Count == 0 || shortfall == 0 || surplus.Sum(s => s.Extra) < shortfall) continue;
            var note = $"；全区{string.Join("、", surplus.Select(s => $"{s.Name}多{s.Extra}个"))}，合计多出{surplus.Sum(s => s.Extra)}个，可能为原表串格";
            for (var i = 0; i < result.Count; i++)
                if (result[i].Gaps.Any(g => g.Type == type && g.Kind == "to-confirm"))
                    result[i] = result[i] with
                    {
                        Gaps = result[i].Gaps
                            .Select(g => g.Type == type && g.Kind == "to-confirm" ? g with { Message = g.Message + note } : g)
                            .ToList(),
                    };
        }
        return result;
    }

    public static UnitCoverage Compute(UnitFacts u)
    {
        var facilities = new Dictionary<string, TypeCoverage>();
        var gaps = new List<Gap>();
        foreach (var type in Types)
        {
            var required = Required(u, type);
            var operating = u.Operating.GetValueOrDefault(type);
            var notCompliant = u.OperatingNotCompliant.GetValueOrDefault(type);
            int? planned = u.PlannedWhenDone.TryGetValue(type, out var p) ? p : null;
            var state = State(required, planned, operating, u.PlanToConfirm.Contains(type));
            facilities[EnumText.Of(type)] = new TypeCoverage(required, planned, operating) { NotCompliant = notCompliant, State = state };
            var label = Labels.Of(type);
            if (required is null)
            {
                var figure = type == FacilityType.CommunityStation ? "社区数" : "行政村数";
                gaps.Add(new Gap(type, "unknown", 0, $"{figure}未录入，无法判断{label}是否全覆盖"));
                continue;
            }
            var belowStandard = notCompliant > 0 ? $"（另有{notCompliant}个运营中，未达标）" : "";
            if (operating < required)
                gaps.Add(new Gap(type, "operating", required.Value - operating,
                    $"{label}应有{required}个，运营且达标{operating}个，缺{required - operating}个{belowStandard}"));
            if (planned < required)
                gaps.Add(state == CoverageStates.ToConfirm
                    ? new Gap(type, "to-confirm", required.Value - planned.Value,
                        $"{label}按规划建成后{planned}个，少于应有的{required}个（差{required - planned}个），该规划行待确认")
                    : new Gap(type, "plan", required.Value - planned.Value,
                        $"{label}按规划建成后{planned}个，仍少于应有的{required}个（规划缺口{required - planned}个）"));
        }
        var covered = Types.All(t => Required(u, t) is { } r && u.Operating.GetValueOrDefault(t) >= r);
        return new UnitCoverage(u.Code, u.Name, u.Kind, facilities, covered, gaps);
    }
}
