using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Alarms;

public sealed record DeviceRow(Guid Id, DeviceKind Kind, string Serial, Guid ElderId, string ElderName, string RegionCode, Guid? StationId,
    DateTime RegisteredAt, DateTime? LastSeenAt, bool Offline)
{
    /// <summary>One state, never two: a device never heard from is "从未上线" however recently it was registered.</summary>
    public DeviceState State => LastSeenAt is null ? DeviceState.NeverConnected : Offline ? DeviceState.Offline : DeviceState.Online;
}

/// <summary>在线 (heard within its kind's heartbeat interval), 离线 (silent longer), 从未上线 (no heartbeat since registration).</summary>
public enum DeviceState { Online, Offline, NeverConnected }

/// <summary>Devices in scope; offline = silent for longer than its kind's expected heartbeat interval (or never heard).</summary>
public static class ListDevices
{
    /// <param name="Serial">Part of the serial number (as printed on the device).</param>
    public sealed record Query(bool? Offline, string? RegionCode, string? Kind, Guid? ElderId, int? Page, int? PageSize, string? Serial = null);

    public static bool IsOffline(DeviceKind kind, DateTime? lastSeenAt, DateTime registeredAt, DateTime now, AlarmOptions options) =>
        (lastSeenAt ?? registeredAt) < now - options.HeartbeatInterval(kind);

    public static async Task<Outcome<Paged<DeviceRow>>> Handle(Query q, DataScope scope, AppDbContext db, AlarmOptions options, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(q.Page, q.PageSize, errors);
        var kind = EnumText.Optional<DeviceKind>(q.Kind, "kind", errors);
        if (errors.Any) return Outcome<Paged<DeviceRow>>.Invalid(errors);
        var now = clock.UtcNow();
        var devices = db.Devices.AsNoTracking().InScope(scope).Where(d => d.Active);
        if (!string.IsNullOrWhiteSpace(q.RegionCode)) devices = devices.Where(d => d.RegionCode.StartsWith(q.RegionCode.Trim()));
        if (kind is { } k) devices = devices.Where(d => d.Kind == k);
        if (q.ElderId is { } elderId) devices = devices.Where(d => d.ElderId == elderId);
        if (!string.IsNullOrWhiteSpace(q.Serial)) devices = devices.Where(d => d.Serial.Contains(q.Serial.Trim()));
        if (q.Offline is { } offline)
        {
            // Offline per kind: one cut-off per kind, OR-ed (the intervals are configuration, not columns).
            var silent = PredicateOffline(options, now);
            devices = offline ? devices.Where(silent) : devices.Where(Negate(silent));
        }
        var total = await devices.CountAsync(ct);
        var rows = await devices.OrderBy(d => d.LastSeenAt ?? d.RegisteredAt).ThenBy(d => d.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Join(db.Elders, d => d.ElderId, e => e.Id, (d, e) => new { d, e.Name }).ToListAsync(ct);
        return new Paged<DeviceRow>(rows.Select(r => new DeviceRow(r.d.Id, r.d.Kind, r.d.Serial, r.d.ElderId, r.Name, r.d.RegionCode, r.d.StationId,
                r.d.RegisteredAt, r.d.LastSeenAt, IsOffline(r.d.Kind, r.d.LastSeenAt, r.d.RegisteredAt, now, options))).ToList(),
            paging.Page, paging.PageSize, total);
    }

    private static System.Linq.Expressions.Expression<Func<Device, bool>> PredicateOffline(AlarmOptions options, DateTime now)
    {
        DateTime Cut(DeviceKind k) => now - options.HeartbeatInterval(k);
        DateTime a = Cut(DeviceKind.OneKeyTerminal), b = Cut(DeviceKind.SmartWatch), c = Cut(DeviceKind.FallDetector),
            s = Cut(DeviceKind.SmokeDetector), g = Cut(DeviceKind.GasDetector), o = Cut(DeviceKind.DoorSensor);
        return d => (d.Kind == DeviceKind.OneKeyTerminal && (d.LastSeenAt ?? d.RegisteredAt) < a)
                    || (d.Kind == DeviceKind.SmartWatch && (d.LastSeenAt ?? d.RegisteredAt) < b)
                    || (d.Kind == DeviceKind.FallDetector && (d.LastSeenAt ?? d.RegisteredAt) < c)
                    || (d.Kind == DeviceKind.SmokeDetector && (d.LastSeenAt ?? d.RegisteredAt) < s)
                    || (d.Kind == DeviceKind.GasDetector && (d.LastSeenAt ?? d.RegisteredAt) < g)
                    || (d.Kind == DeviceKind.DoorSensor && (d.LastSeenAt ?? d.RegisteredAt) < o);
    }

    private static System.Linq.Expressions.Expression<Func<Device, bool>> Negate(System.Linq.Expressions.Expression<Func<Device, bool>> e) =>
        System.Linq.Expressions.Expression.Lambda<Func<Device, bool>>(System.Linq.Expressions.Expression.Not(e.Body), e.Parameters);
}
