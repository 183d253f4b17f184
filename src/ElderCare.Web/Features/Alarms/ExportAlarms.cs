using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Alarms;

/// <summary>
/// The alarm list as .xlsx: exactly the rows of <see cref="ListAlarms"/> with the same filters and order, all pages
/// (Shared/ListExport: capped, audited; ADR 30). The rows hold the elder's name, no ID numbers or phones.
/// </summary>
public static class ExportAlarms
{
    public static Task<Outcome<ExportFile>> Handle(ListAlarms.Query q, CurrentUser user, AppDbContext db, AuditLog audit,
        TimeProvider clock, CancellationToken ct) =>
        ListExport.Write("alarms", "报警记录", q, errors => ListAlarms.Filter(q, user.Scope, db, errors),
            alarms => ListAlarms.Sorted(alarms, q),
            (rows, token) => ListAlarms.Rows(rows, db).ToListAsync(token),
            a => new Dictionary<string, object?>
            {
                ["报警编号"] = a.Id.ToString(),
                ["报警时间"] = Display.ChinaTime(a.RaisedAt),
                ["类型"] = AlarmLabels.Of(a.Kind),
                ["老年人"] = a.ElderName,
                ["区划代码"] = a.RegionCode,
                ["状态"] = AlarmLabels.Of(a.Status),
                ["接警用时（秒）"] = a.AnswerSeconds is { } s ? Math.Round(s) : null,
                ["处置完毕"] = a.ResolvedAt is { } r ? Display.ChinaTime(r) : "",
                ["处置结果"] = a.Outcome is { } o ? AlarmLabels.Of(o) : "",
            },
            false, user, audit, clock, ct);
}
