using ElderCare.Web.Features.Facilities;

namespace ElderCare.Web.Features.Plan;

/// <summary>
/// The unit rows of one facility type against the district's 合计 row. <c>Status</c>: <c>agrees</c> (every figure
/// matches), <c>to-confirm</c> (the totals can agree, but existing/planned or years are not yet split per unit),
/// <c>differs</c> (the unit rows cannot add up to the district total) or <c>no-total</c>.
/// </summary>
public sealed record PlanTotalCheck(
    FacilityType Type, string Status,
    int UnitsExisting, int UnitsPlanned, int UnitsExistingOrPlanned, int UnitsUnscheduled, IReadOnlyDictionary<int, int> UnitsByYear,
    int? DistrictExisting, int? DistrictPlanned, IReadOnlyDictionary<int, int> DistrictByYear,
    IReadOnlyList<string> Messages)
{
    public int UnitsWhenDone => UnitsExisting + UnitsPlanned + UnitsExistingOrPlanned;
    public int? DistrictWhenDone => DistrictExisting + DistrictPlanned;
}

/// <summary>
/// 附件2、附件3 合计行: the district totals are certain, the unit rows are not (POLICY.md). Pure: rows and totals in,
/// one check per facility type out, with the sentences shown wherever the plan is shown or imported.
/// </summary>
public static class PlanTotalChecks
{
    public const string Agrees = "agrees";
    public const string ToConfirm = "to-confirm";
    public const string Differs = "differs";
    public const string NoTotal = "no-total";

    public static IReadOnlyList<PlanTotalCheck> Check(IEnumerable<PlanLine> lines, IEnumerable<PlanTotal> totals)
    {
        var byType = lines.ToLookup(l => l.Type);
        var totalsByType = totals.ToLookup(t => t.Type);
        return Enum.GetValues<FacilityType>().Select(t => Check(t, byType[t].ToList(), totalsByType[t].ToList())).ToList();
    }

    public static PlanTotalCheck Check(FacilityType type, IReadOnlyCollection<PlanLine> lines, IReadOnlyCollection<PlanTotal> totals)
    {
        var label = Labels.Of(type);
        var existing = lines.Sum(l => l.Existing ?? 0);
        var eitherWay = lines.Sum(l => l.ExistingOrPlanned ?? 0);
        var years = lines.SelectMany(l => l.Years).ToList();
        var unscheduled = years.Where(y => y.Year is null).Sum(y => y.Count);
        var unitsByYear = years.Where(y => y.Year is not null).GroupBy(y => y.Year!.Value).ToDictionary(g => g.Key, g => g.Sum(y => y.Count));
        var planned = years.Sum(y => y.Count);
        var districtByYear = totals.Where(t => t.Year is not null).GroupBy(t => t.Year!.Value).ToDictionary(g => g.Key, g => g.Sum(t => t.Count));
        int? districtExisting = totals.Any(t => t.Year is null) ? totals.Where(t => t.Year is null).Sum(t => t.Count) : null;
        int? districtPlanned = totals.Count > 0 ? districtByYear.Values.Sum() : null;

        var messages = new List<string>();
        if (totals.Count == 0)
            return new(type, NoTotal, existing, planned, eitherWay, unscheduled, unitsByYear, null, null, districtByYear,
                [$"{label}：未录入区级合计，无法核对各单位合计"]);

        var dExisting = districtExisting ?? 0;
        var dPlanned = districtPlanned ?? 0;
        var status = Agrees;
        // Totals when done must agree; existing must lie between the certain existing and the certain plus the undetermined.
        if (existing + planned + eitherWay != dExisting + dPlanned
            || existing > dExisting || existing + eitherWay < dExisting
            || planned > dPlanned || planned + eitherWay < dPlanned)
            status = Differs;
        else if (eitherWay > 0 || unscheduled > 0 || districtByYear.Any(y => unitsByYear.GetValueOrDefault(y.Key) != y.Value))
            status = ToConfirm;

        var eitherText = eitherWay > 0 ? $"、{eitherWay} 个（现有或规划，待确认）" : "";
        if (existing != dExisting || eitherWay > 0)
            messages.Add($"各单位合计 {existing} 个{label}（现有）{eitherText}，区级合计 {dExisting} 个");
        if (planned != dPlanned || eitherWay > 0)
            messages.Add($"各单位合计拟建 {planned} 个{label}，区级合计拟建 {dPlanned} 个");
        if (unscheduled > 0)
        {
            var byYear = string.Join("、", districtByYear.OrderBy(y => y.Key).Select(y => $"{y.Key}年 {y.Value} 个"));
            messages.Add($"{label}有 {unscheduled} 个拟建年份待定；区级分年度：{byYear}");
        }
        foreach (var (year, count) in districtByYear.OrderBy(y => y.Key))
            if (unitsByYear.GetValueOrDefault(year) > count)
                messages.Add($"各单位 {year} 年拟建 {unitsByYear[year]} 个{label}，多于区级合计 {count} 个");
        messages.Insert(0, status switch
        {
            Agrees => $"{label}：各单位合计与区级合计一致（现有 {dExisting} 个、拟建 {dPlanned} 个）",
            ToConfirm => $"{label}：建成后合计 {existing + planned + eitherWay} 个，与区级合计 {dExisting + dPlanned} 个一致，分项待确认",
            _ => $"{label}：各单位合计与区级合计不一致（建成后 {existing + planned + eitherWay} 个，区级 {dExisting + dPlanned} 个）",
        });
        return new(type, status, existing, planned, eitherWay, unscheduled, unitsByYear, districtExisting, districtPlanned, districtByYear, messages);
    }
}
