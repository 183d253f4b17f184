using ElderCare.Web.Data;
using ElderCare.Web.Features.Alarms;
using ElderCare.Web.Features.Elders;

namespace ElderCare.ClusterTests.Infrastructure;

/// <summary>Alarm devices for load and cluster runs, written straight into the database: one elder per 20 devices, in
/// 昌元街道 (a region of the seed). Returns the device keys (the key is shown once; the database keeps its hash).</summary>
public static class DeviceSeed
{
    public const string RegionCode = "500153001";

    /// <summary>Adds <paramref name="count"/> devices registered at <paramref name="now"/> (the clock of the app they are for).</summary>
    public static async Task<IReadOnlyList<string>> AddAsync(AppDbContext db, int count, DateTime now, string serialPrefix = "BENCH")
    {
        var keys = new List<string>(count);
        Elder? elder = null;
        for (var i = 0; i < count; i++)
        {
            if (i % 20 == 0)
            {
                elder = new Elder
                {
                    Name = $"压测老人{i / 20:0000}", IdNumberProtected = "-", IdNumberIndex = Guid.NewGuid().ToString("N"),
                    RegionCode = RegionCode,
                    UnitCode = RegionCode, ConsentBasis = "压测", ConsentRecordedBy = "bench", BirthDate = new DateOnly(1940, 1, 1),
                    StatusOn = DateOnly.FromDateTime(now), LivingArrangement = LivingArrangement.Alone, Latitude = 29.40, Longitude = 105.59,
                    CreatedAt = now, UpdatedAt = now,
                };
                db.Elders.Add(elder);
            }
            var device = new Device
            {
                ElderId = elder!.Id, Kind = DeviceKind.OneKeyTerminal, Serial = $"{serialPrefix}-{Guid.NewGuid():N}",
                SecretHash = "", RegionCode = RegionCode, UnitCode = RegionCode, RegisteredAt = now,
            };
            var (key, hash) = DeviceKeys.New(device.Id);
            device.SecretHash = hash;
            db.Devices.Add(device);
            keys.Add(key);
        }
        await db.SaveChangesAsync();
        return keys;
    }

    /// <summary>A device alarm's body: an SOS at the given time, at the elder's home.</summary>
    public static string AlarmBody(DateTimeOffset at) =>
        "{\"kind\":\"sos\",\"occurredAt\":\"" + at.ToString("O") + "\",\"location\":{\"lat\":29.4001,\"lng\":105.5901}}";
}
