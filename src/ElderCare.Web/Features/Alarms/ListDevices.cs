using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
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
    public sealed record Query
    {
        public bool? Offline { get; init; }
        public string? RegionCode { get; init; }
        public string? Kind { get; init; }
        public Guid? ElderId { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
        /// <summary>Part of the serial number (as printed on the device).</summary>
        public string? Serial { get; init; }
        public string? Sort { get; init; }
        public string? Dir { get; init; }
    }

    /// <summary>The columns the list sorts by (a whitelist, Shared/Sorting.cs; ADR 30); the longest silent first unless asked.</summary>
    public static readonly SortKeys<Device> Sorting = new SortKeys<Device>("lastSeen")
        .Add("lastSeen", d => d.LastSeenAt ?? d.RegisteredAt)
        .Add("serial", d => d.Serial)
        .Add("kind", d => d.Kind)
        .Add("registered", d => d.RegisteredAt);

    public static bool IsOffline(DeviceKind kind, DateTime? lastSeenAt, DateTime registeredAt, DateTime now, AlarmOptions options) =>
        (lastSeenAt ?? registeredAt) < now - options.HeartbeatInterval(kind);

    public static Task<Outcome<Paged<DeviceRow>>> Handle(Query q, DataScope scope, AppDbContext db, AlarmOptions options, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.UtcNow();
        return ListPage.Read(q.Page, q.PageSize, errors => Filter(q, scope, db, options, now, errors), devices => Sorted(devices, q),
            (page, token) => Rows(page, db, options, now, token), ct);
    }

    /// <summary>The list's order: the chosen column, then the last heartbeat and id, so that pages and exports agree.</summary>
    public static IOrderedQueryable<Device> Sorted(IQueryable<Device> devices, Query q) =>
        Sorting.Apply(devices, q.Sort, q.Dir).ThenBy(d => d.LastSeenAt ?? d.RegisteredAt).ThenBy(d => d.Id);

    /// <summary>The rows with the elder's name and the state as of <paramref name="now"/>.</summary>
    public static async Task<List<DeviceRow>> Rows(IQueryable<Device> devices, AppDbContext db, AlarmOptions options, DateTime now,
        CancellationToken ct)
    {
        // A projection keeps the order of the sorted query (a join after Take might not).
        var rows = await devices.Select(d => new { d, Name = db.Elders.Where(e => e.Id == d.ElderId).Select(e => e.Name).First() })
            .ToListAsync(ct);
        return rows.Select(r => new DeviceRow(r.d.Id, r.d.Kind, r.d.Serial, r.d.ElderId, r.Name, r.d.RegionCode, r.d.StationId,
            r.d.RegisteredAt, r.d.LastSeenAt, IsOffline(r.d.Kind, r.d.LastSeenAt, r.d.RegisteredAt, now, options))).ToList();
    }

    /// <summary>The active devices in scope matching the filters (the list and its export share it).</summary>
    public static IQueryable<Device> Filter(Query q, DataScope scope, AppDbContext db, AlarmOptions options, DateTime now, FieldErrors errors)
    {
        var kind = EnumText.Optional<DeviceKind>(q.Kind, "kind", errors);
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
        return devices;
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
