using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Services;

/// <summary>
/// The complaint list as .xlsx: exactly the rows of <see cref="ListComplaints"/> with the same filters and order, all
/// pages (Shared/ListExport: capped, audited; ADR 30). The rows hold the elder's name, no ID numbers or phones.
/// </summary>
public static class ExportComplaints
{
    public static async Task<Outcome<ExportFile>> Handle(ListComplaints.Query q, CurrentUser user, AppDbContext db, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.UtcNow();
        return await ListExport.Write("complaints", "投诉", q, errors => ListComplaints.Filter(q, user.Scope, db, now, errors),
            complaints => ListComplaints.Sorted(complaints, q),
            (rows, token) => ListComplaints.Rows(rows, db, now, token),
            c => new Dictionary<string, object?>
            {
                ["投诉编号"] = c.Id.ToString(),
                ["登记时间"] = Display.ChinaTime(c.ReceivedAt),
                ["办结期限"] = Display.ChinaTime(c.DueAt),
                ["严重程度"] = ServiceLabels.Of(c.Severity),
                ["服务项目"] = c.ItemName,
                ["老年人"] = c.ElderName,
                ["服务机构"] = c.ProviderName ?? "",
                ["内容"] = c.Text,
                ["状态"] = c.ResolvedAt is not null ? "已办结" : c.Overdue ? "逾期升级" : "办理中",
                ["办结时间"] = c.ResolvedAt is { } r ? Display.ChinaTime(r) : "",
                ["处理结果"] = c.Resolution ?? "",
            },
            false, user, audit, clock, ct);
    }
}
