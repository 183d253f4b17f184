using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Infrastructure.Spreadsheets;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Coverage;

public static class ExportCoverage
{
    /// <summary>The coverage table as officials read it: one row per street or town, required / planned / operating per type.</summary>
    public static byte[] ToXlsx(CoverageReport report)
    {
        var rows = report.Units.Select(u =>
        {
            var row = new Dictionary<string, object?> { ["镇街"] = u.Name, ["代码"] = u.RegionCode, ["类型"] = Labels.Of(u.Kind) };
            foreach (var type in CoverageRules.Types)
            {
                var c = u.Facilities[EnumText.Of(type)];
                var label = Labels.Of(type);
                row[$"{label}-应建"] = c.Required;
                row[$"{label}-规划"] = c.Planned;
                row[$"{label}-运营且达标"] = c.Operating;
                row[$"{label}-运营中未达标"] = c.NotCompliant;
                row[$"{label}-状态"] = CoverageStates.Label(c.State);
            }
            row["是否全覆盖"] = u.Covered ? "是" : "否";
            row["覆盖状态"] = CoverageStates.Label(u.State);
            row["缺口"] = string.Join("；", u.Gaps.Select(g => g.Message));
            return row;
        });
        return SpreadsheetWriter.Xlsx($"覆盖情况{report.AsOf:yyyy-MM-dd}", rows);
    }
}
