using ElderCare.Web.Data;
using ElderCare.Web.Features.Alarms;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.BrowserTests.Infrastructure;

public static class Devices
{
    /// <summary>Registers a one-key terminal for the elder (serial prefix + random) and returns its key, as shown once on registering.</summary>
    public static async Task<string> DeviceKeyAsync(this AppServer app, Guid elderId, string serialPrefix)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var elder = await db.Elders.FindAsync(elderId);
        var device = new Device
        {
            ElderId = elderId, Kind = DeviceKind.OneKeyTerminal, Serial = serialPrefix + Guid.NewGuid().ToString("N")[..10], SecretHash = "",
            RegionCode = elder!.RegionCode, UnitCode = elder.UnitCode, RegisteredAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        var (key, hash) = DeviceKeys.New(device.Id);
        device.SecretHash = hash;
        db.Devices.Add(device);
        await db.SaveChangesAsync();
        return key;
    }
}
