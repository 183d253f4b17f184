using ElderCare.Web.Features.Facilities;

namespace ElderCare.Web.Features.Plan;

/// <summary>
/// The spreadsheet layout of the plan, after 附件2 (街道和社区) and 附件3 (农村): one row per street or town, for each
/// facility type 现有数, 每年拟建数, 年份待定, 待确认 and 备注. Export and import share it.
/// </summary>
public static class PlanSheets
{
    public sealed record Sheet(string Name, FacilityType[] Types, int FirstYear, int LastYear);

    public static readonly Sheet Urban = new("附件2 街道和社区", [FacilityType.StreetCenter, FacilityType.CommunityStation], 2019, 2020);
    public static readonly Sheet Rural = new("附件3 镇和村", [FacilityType.TownCenter, FacilityType.VillagePoint], 2019, 2022);
    public static readonly Sheet[] All = [Urban, Rural];

    public const string No = "序号";
    public const string Unit = "镇街";
    public const string Code = "代码";
    public const string Villages = "行政村数";

    public static string Existing(FacilityType t) => $"{Labels.Of(t)}现有数";
    public static string Year(FacilityType t, int year) => $"{Labels.Of(t)}{year}年拟建数";
    public static string Unscheduled(FacilityType t) => $"{Labels.Of(t)}年份待定";
    public static string ExistingOrPlanned(FacilityType t) => $"{Labels.Of(t)}现有或规划待确认数";

    /// <summary>The district's 合计 rows and the check of the unit rows; export only, import ignores it.</summary>
    public const string TotalsSheet = "区级合计与核对";
    public static string ToConfirm(FacilityType t) => $"{Labels.Of(t)}待确认";
    public static string Note(FacilityType t) => $"{Labels.Of(t)}备注";

    /// <summary>Year columns: the sheet's policy years widened to any year present in the data.</summary>
    public static IEnumerable<int> Years(Sheet sheet, IEnumerable<PlanLine> lines)
    {
        var years = lines.Where(l => sheet.Types.Contains(l.Type)).SelectMany(l => l.Years).Select(y => y.Year).OfType<int>().ToList();
        var first = Math.Min(sheet.FirstYear, years.DefaultIfEmpty(sheet.FirstYear).Min());
        var last = Math.Max(sheet.LastYear, years.DefaultIfEmpty(sheet.LastYear).Max());
        return Enumerable.Range(first, last - first + 1);
    }
}
