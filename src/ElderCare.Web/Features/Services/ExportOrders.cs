using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>
/// The order list as .xlsx: exactly the rows of <see cref="ListOrders"/> with the same filters and order, all pages
/// (Shared/ListExport: capped, audited). The rows hold names and amounts, no ID numbers or phones.
/// </summary>
public static class ExportOrders
{
    public static Task<Outcome<ExportFile>> Handle(ListOrders.Query q, CurrentUser user, AppDbContext db, AuditLog audit,
        TimeProvider clock, CancellationToken ct) =>
        ListExport.Write("orders", "服务工单", q, errors => ListOrders.Filter(q, user.Scope, db, errors),
            orders => ListOrders.Sorted(orders, q),
            (rows, token) => ListOrders.Rows(rows, db).ToListAsync(token),
            o => new Dictionary<string, object?>
            {
                ["工单编号"] = o.Id.ToString(),
                ["服务开始"] = Display.ChinaTime(o.WindowStart),
                ["服务结束"] = Display.ChinaTime(o.WindowEnd),
                ["老年人"] = o.ElderName,
                ["服务项目"] = o.ItemName,
                ["服务机构"] = o.ProviderName ?? "",
                ["服务人员"] = o.WorkerName ?? "未派单",
                ["区划代码"] = o.RegionCode,
                ["状态"] = ServiceLabels.Of(o.Status),
                ["迟到"] = o.Late ? "是" : "否",
                ["核验"] = ServiceLabels.Of(o.Verification),
                ["补贴（元）"] = Display.YuanAmount(o.SubsidyFen),
                ["自付（元）"] = Display.YuanAmount(o.OwnShareFen),
            },
            false, user, audit, clock, ct);
}
