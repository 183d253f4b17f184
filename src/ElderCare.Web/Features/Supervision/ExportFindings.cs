using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Supervision;

/// <summary>The findings in scope with the list's filters as an .xlsx (督导问题整改台账); more than 10,000 rows are refused (Shared/ListExport).</summary>
public static class ExportFindings
{
    public const int MaxRows = 10_000;

    public static async Task<Outcome<byte[]>> Handle(ListFindings.Query query, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.UtcNow();
        return await ListExport.Sheet("督导问题", MaxRows, errors => ListFindings.Filtered(query, scope, db, now, errors),
            findings => findings.OrderBy(f => f.UnitCode).ThenBy(f => f.RaisedAt).ThenBy(f => f.Id),
            async (rows, token) =>
            {
                var findings = await SupervisionQueries.Findings(rows, db, now, token);
                var units = await RegionQueries.NamesAsync(db, findings.Select(f => f.UnitCode), token);
                return findings.Select(f => (Finding: f, Unit: units.GetValueOrDefault(f.UnitCode, f.UnitCode))).ToList();
            },
            x =>
            {
                var f = x.Finding;
                return new Dictionary<string, object?>
                {
                    ["镇街"] = x.Unit,
                    ["设施"] = f.FacilityName,
                    ["检查项"] = f.ItemText ?? "（检查表外问题）",
                    ["问题描述"] = f.Description,
                    ["等级"] = SupervisionLabels.Of(f.Severity),
                    ["发现时间"] = Display.ChinaTime(f.RaisedAt),
                    ["整改期限"] = Display.ChinaTime(f.DueAt),
                    ["状态"] = SupervisionLabels.Of(f.Status),
                    ["逾期"] = f.Overdue || f.RectifiedLate ? "是" : "否",
                    ["重复"] = f.Repeated ? "是" : "否",
                    ["发现人"] = f.RaisedBy,
                };
            }, ct);
    }
}
