using ElderCare.Web.Data;
using ElderCare.Web.Features.Outbound;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Alarms;

/// <summary>Devices authenticate with <c>X-Device-Key</c> (DESIGN.md: devices have their own keys, not user sessions).</summary>
public static class DeviceAuth
{
    public const string Header = "X-Device-Key";

    public static bool Presented(HttpRequest request) => request.Headers.ContainsKey(Header);

    private sealed record DeviceAndElder(Device Device, RaiseAlarm.ElderOnFile Elder, bool Subscribed);

    // Compiled queries (ADR 32: the intake cost per alarm): a device's alarm reads its device, its elder and whether any
    // webhook subscription is active (if none, alarm.raised queues nothing and needs no query of its own, ADR 29) in one round trip.
    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<Device?>> DeviceById =
        EF.CompileAsyncQuery((AppDbContext db, Guid id, CancellationToken ct) => db.Devices.AsNoTracking().FirstOrDefault(d => d.Id == id));

    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<DeviceAndElder?>> DeviceWithElder =
        EF.CompileAsyncQuery((AppDbContext db, Guid id, CancellationToken ct) => db.Devices.AsNoTracking().Where(d => d.Id == id)
            .Join(db.Elders, d => d.ElderId, e => e.Id, (d, e) =>
                new DeviceAndElder(d, new RaiseAlarm.ElderOnFile(e.Id, e.Name, e.RegionCode, e.UnitCode, e.EmergencyContacts),
                    db.WebhookSubscriptions.Any(OutboundEvents.Active)))
            .FirstOrDefault());

    /// <summary>The device of a valid key, or null (bad shape, unknown device, wrong secret, retired device).</summary>
    public static async Task<Device?> AuthenticateAsync(HttpRequest request, AppDbContext db, CancellationToken ct) =>
        KeyOf(request) is var (id, secret) && Valid(await DeviceById(db, id, ct), secret) is { } device ? device : null;

    /// <summary>The caller of a device's alarm: the device of a valid key with its elder (as <see cref="AuthenticateAsync"/>).</summary>
    public static async Task<RaiseAlarm.Caller?> AuthenticateCallerAsync(HttpRequest request, AppDbContext db, CancellationToken ct) =>
        KeyOf(request) is var (id, secret) && await DeviceWithElder(db, id, ct) is { } found && Valid(found.Device, secret) is { } device
            ? new RaiseAlarm.Caller(device, null, found.Elder, found.Subscribed ? null : [])
            : null;

    private static (Guid Id, string Secret)? KeyOf(HttpRequest request) => DeviceKeys.Parse(request.Headers[Header].ToString().Trim());

    private static Device? Valid(Device? device, string secret) =>
        device is { Active: true } && DeviceKeys.Matches(secret, device.SecretHash) ? device : null;

    public static IResult Unauthorized() => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "设备认证失败",
        detail: "X-Device-Key 无效：设备未登记、已停用或密钥错误。");
}
