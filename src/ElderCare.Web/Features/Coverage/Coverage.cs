using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Coverage;

/// <summary>The facts about one street or town that its coverage is computed from.</summary>
public sealed record UnitFacts(
    string Code, string Name, RegionKind Kind,
    int? CommunityCount, int? VillageCount, int RegisteredCommunities, int RegisteredVillages,
    IReadOnlyDictionary<FacilityType, int> Operating,
    IReadOnlyDictionary<FacilityType, int> PlannedWhenDone);

public sealed record TypeCoverage(int? Required, int? Planned, int Operating);

/// <summary>A gap: <c>operating</c> (fewer running than required), <c>plan</c> (the plan itself falls short) or <c>unknown</c>.</summary>
public sealed record Gap(FacilityType Type, string Kind, int Missing, string Message);

public sealed record UnitCoverage(
    string RegionCode, string Name, RegionKind Kind,
    IReadOnlyDictionary<string, TypeCoverage> Facilities, bool Covered, IReadOnlyList<Gap> Gaps)
{
    public TypeCoverage Of(FacilityType t) => Facilities[EnumText.Of(t)];
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

    public static UnitCoverage Compute(UnitFacts u)
    {
        var facilities = new Dictionary<string, TypeCoverage>();
        var gaps = new List<Gap>();
        foreach (var type in Types)
        {
            var required = Required(u, type);
            var operating = u.Operating.GetValueOrDefault(type);
            int? planned = u.PlannedWhenDone.TryGetValue(type, out var p) ? p : null;
            facilities[EnumText.Of(type)] = new TypeCoverage(required, planned, operating);
            var label = Labels.Of(type);
            if (required is null)
            {
                var figure = type == FacilityType.CommunityStation ? "社区数" : "行政村数";
                gaps.Add(new Gap(type, "unknown", 0, $"{figure}未录入，无法判断{label}是否全覆盖"));
                continue;
            }
            if (operating < required)
                gaps.Add(new Gap(type, "operating", required.Value - operating,
                    $"{label}应有{required}个，运营{operating}个，缺{required - operating}个"));
            if (planned < required)
                gaps.Add(new Gap(type, "plan", required.Value - planned.Value,
                    $"{label}按规划建成后{planned}个，仍少于应有的{required}个（规划缺口{required - planned}个）"));
        }
        var covered = Types.All(t => Required(u, t) is { } r && u.Operating.GetValueOrDefault(t) >= r);
        return new UnitCoverage(u.Code, u.Name, u.Kind, facilities, covered, gaps);
    }
}
