namespace ElderCare.Web.Features.Facilities;

public enum Severity { Required, Advisory }

public sealed record Finding(string Rule, bool Passed, Severity Severity, string Message);

public sealed record ComplianceReport(bool Compliant, IReadOnlyList<Finding> Findings, string? Standard);

/// <summary>
/// Checks a facility against the construction standard of Attachment 1 (规范设施建设). Pure: the standard's numbers
/// come in as data; compliant means every required rule passes.
/// </summary>
public static class Compliance
{
    /// <summary>附件1 / 二(三): 街道养老服务中心统筹辖区内社区养老服务站 — about ten stations per centre.</summary>
    public const int HubStationsAdvisoryMax = 10;

    public static ComplianceReport Check(Facility f, ConstructionStandard? standard, int stationsRun = 0)
    {
        var findings = new List<Finding>();
        var name = Labels.Of(f.Type);
        if (standard is not null)
        {
            CheckFloorArea(f, standard, name, findings);
            if (standard.MinBeds > 0)
                findings.Add(new("min-beds", f.Beds.Total >= standard.MinBeds, Severity.Required,
                    $"{name}托养护理区应设置{standard.MinBeds}张以上养老服务床位（现有{f.Beds.Total}张）"));
            if (standard.RequiredZones.Count > 0)
            {
                var missing = standard.RequiredZones.Where(z => !f.Zones.Contains(z)).ToList();
                findings.Add(new("required-zones", missing.Count == 0, Severity.Required, missing.Count == 0
                    ? $"{name}应设置{string.Join("、", standard.RequiredZones.Select(Labels.Of))}等功能区域（已齐全）"
                    : $"{name}应设置{string.Join("、", standard.RequiredZones.Select(Labels.Of))}等功能区域，缺少{string.Join("、", missing.Select(Labels.Of))}"));
            }
            if (standard.AdvisoryMinNursingBeds > 0)
                findings.Add(new("nursing-beds", f.Beds.Nursing >= standard.AdvisoryMinNursingBeds, Severity.Advisory,
                    $"{name}有条件的应设置{standard.AdvisoryMinNursingBeds}张以上护理型床位（现有{f.Beds.Nursing}张）"));
            if (standard.AdvisoryDayCareBeds)
                findings.Add(new("day-care-beds", f.Beds.DayCare > 0, Severity.Advisory,
                    $"{name}有条件的可设置日间照料床位（现有{f.Beds.DayCare}张）"));
            if (standard.AdvisoryColocation)
                findings.Add(new("colocated-health-station", f.ColocatedWithHealthStation, Severity.Advisory,
                    $"{name}宜与社区卫生服务站（镇卫生院）同址或毗邻设置"));
        }
        if (f.Type is FacilityType.StreetCenter && stationsRun > HubStationsAdvisoryMax)
            findings.Add(new("hub-span", false, Severity.Advisory,
                $"中心带站：一个街道养老服务中心宜统筹约{HubStationsAdvisoryMax}个社区养老服务站（现带{stationsRun}个）"));
        var compliant = findings.Where(x => x.Severity == Severity.Required).All(x => x.Passed);
        return new(compliant, findings, standard?.Source);
    }

    private static void CheckFloorArea(Facility f, ConstructionStandard s, string name, List<Finding> findings)
    {
        if (f.Type is FacilityType.VillagePoint)
        {
            // 附件1: 村级互助养老点原则上不新建，利用村便民服务中心等设置专用活动用房
            findings.Add(new("dedicated-room", f.FloorArea > 0, Severity.Required,
                $"{name}应有专用活动用房（登记面积{Area(f.FloorArea)}平方米）"));
            return;
        }
        var small = f.Type is FacilityType.CommunityStation && f.SmallCommunity && s.MinFloorAreaSmallCommunity is not null;
        var min = small ? s.MinFloorAreaSmallCommunity!.Value : s.MinFloorArea;
        var qualifier = small ? "（老年人口较少的社区）" : "";
        findings.Add(new("min-floor-area", f.FloorArea >= min, Severity.Required,
            $"{name}{qualifier}建筑面积不低于{Area(min)}平方米（现有{Area(f.FloorArea)}平方米）"));
    }

    private static string Area(double v) => v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
