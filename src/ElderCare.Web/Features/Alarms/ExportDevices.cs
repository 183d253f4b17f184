using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Alarms;

/// <summary>
/// The device list as .xlsx: exactly the rows of <see cref="ListDevices"/> with the same filters and order, all pages
/// (Shared/ListExport: capped, audited; ADR 30). The rows hold the elder's name, no ID numbers or phones.
/// </summary>
public static class ExportDevices
{
    public static async Task<Outcome<ExportFile>> Handle(ListDevices.Query q, CurrentUser user, AppDbContext db, AlarmOptions options,
        AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.UtcNow();
        return await ListExport.Write("devices", "智能终端", q, errors => ListDevices.Filter(q, user.Scope, db, options, now, errors),
            devices => ListDevices.Sorted(devices, q),
            (rows, token) => ListDevices.Rows(rows, db, options, now, token),
            d => new Dictionary<string, object?>
            {
                ["序列号"] = d.Serial,
                ["类型"] = AlarmLabels.Of(d.Kind),
                ["老年人"] = d.ElderName,
                ["区划代码"] = d.RegionCode,
                ["登记时间"] = Display.ChinaTime(d.RegisteredAt),
                ["最近心跳"] = d.LastSeenAt is { } at ? Display.ChinaTime(at) : "",
                ["状态"] = d.State switch
                {
                    DeviceState.Online => "在线",
                    DeviceState.Offline => "离线",
                    _ => "从未上线",
                },
            },
            false, user, audit, clock, ct);
    }
}
