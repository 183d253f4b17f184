using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Tasks;

/// <summary>The task list (任务书) with the list's filters as .xlsx, by deadline; more than <see cref="MaxRows"/> rows are refused
/// (Shared/ListExport).</summary>
public static class ExportTasks
{
    public const int MaxRows = 10_000;

    public static Task<Outcome<byte[]>> Handle(ListTasks.Query query, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct) =>
        ListExport.Sheet("任务清单", MaxRows, errors => ListTasks.Filter(query, scope, db, clock, errors),
            tasks => tasks.OrderBy(t => t.UnitCode).ThenBy(t => t.DueOn).ThenBy(t => t.Id),
            (rows, token) => TaskQueries.Resources(rows, db, clock.Today(), token),
            t => new Dictionary<string, object?>
            {
                ["镇街"] = t.UnitName,
                ["区划代码"] = t.RegionCode,
                ["设施"] = t.FacilityName,
                ["任务"] = t.Title,
                ["类型"] = TaskLabels.Of(t.Kind),
                ["来源"] = TaskLabels.Of(t.Source),
                ["责任人"] = t.ResponsibleName,
                ["职务"] = t.ResponsiblePost,
                ["电话"] = t.ResponsiblePhone,
                ["截止日期"] = Display.Date(t.DueOn),
                ["状态"] = TaskLabels.Of(t.Status),
                ["逾期天数"] = t.DaysOverdue,
                ["升级级别"] = t.EscalationLevel,
                ["证明材料数"] = t.EvidenceIds.Count,
            }, ct);
}
