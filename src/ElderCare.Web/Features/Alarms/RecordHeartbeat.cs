using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Alarms;

/// <summary>A device says it is alive: one UPDATE of its last-seen time.</summary>
public static class RecordHeartbeat
{
    public sealed record Answer(Guid Id, DateTime LastSeenAt, int NextWithinSeconds);

    public static async Task<Answer> Handle(Device device, AppDbContext db, AlarmOptions options, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.UtcNow();
        await db.Devices.Where(d => d.Id == device.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.LastSeenAt, now), ct);
        return new Answer(device.Id, now, (int)options.HeartbeatInterval(device.Kind).TotalSeconds);
    }
}
