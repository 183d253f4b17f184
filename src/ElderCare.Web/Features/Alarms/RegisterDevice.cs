using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Alarms;

/// <summary>Registers a device to an elder in scope; the key is in this answer only (stored as a hash).</summary>
public static class RegisterDevice
{
    public sealed record Input(Guid? ElderId, DeviceKind? Kind, string? Serial);

    public sealed record Registered(Guid Id, string Key, DeviceKind Kind, string Serial, Guid ElderId, Guid? StationId);

    public static async Task<Outcome<Registered>> Handle(Input input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        input = input with { Serial = errors.Text(input.Serial, "serial", "序列号", 64) };
        errors.AddIf(input.ElderId is null, "elderId", "请选择老年人。");
        errors.AddIf(input.Kind is null, "kind", "请选择设备类型：one-key-terminal、smart-watch、fall-detector、smoke-detector、gas-detector 或 door-sensor。");
        var serial = input.Serial?.Trim();
        if (string.IsNullOrEmpty(serial)) errors.Add("serial", "请填写设备序列号。");
        else errors.AddIf(serial.Length > 64 || serial.Any(c => c < 0x21 || c > 0x7e), "serial", "序列号为不超过 64 个字符的字母、数字或符号。");
        if (errors.Any) return Outcome<Registered>.Invalid(errors);

        var elder = await db.Elders.AsNoTracking().Where(e => e.Id == input.ElderId).Select(e => new { e.Id, e.RegionCode, e.UnitCode, e.Status })
            .FirstOrDefaultAsync(ct);
        var station = elder is null ? null : await AlarmQueries.StationOf(elder.RegionCode, elder.UnitCode, db, ct);
        if (elder is null || !(user.Scope.Covers(elder.RegionCode) || station is { } s && user.Scope.FacilityIds.Contains(s)))
            return Outcome<Registered>.Invalid("elderId", "未找到该老年人。");
        if (elder.Status != ElderStatus.Active) return Outcome<Registered>.Invalid("elderId", "该老年人已迁出或去世，不能登记设备。");
        if (await db.Devices.AnyAsync(d => d.Serial == serial, ct)) return Outcome<Registered>.Conflict($"序列号 {serial} 已登记。");

        var device = new Device
        {
            ElderId = elder.Id, Kind = input.Kind!.Value, Serial = serial!, SecretHash = "", RegionCode = elder.RegionCode, UnitCode = elder.UnitCode,
            StationId = station, RegisteredAt = clock.UtcNow(), RegisteredBy = user.UserName,
        };
        var (key, hash) = DeviceKeys.New(device.Id);
        device.SecretHash = hash;
        db.Devices.Add(device);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<Registered>.Conflict($"序列号 {serial} 已登记。");
        }
        return new Registered(device.Id, key, device.Kind, device.Serial, device.ElderId, device.StationId);
    }
}
