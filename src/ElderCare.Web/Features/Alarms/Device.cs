using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Alarms;

/// <summary>一键呼叫终端 / 智能手表 / 跌倒报警器 / 烟感 / 燃气报警器 / 门磁.</summary>
public enum DeviceKind { OneKeyTerminal, SmartWatch, FallDetector, SmokeDetector, GasDetector, DoorSensor }

/// <summary>
/// A device (智能终端) registered to an elder. It authenticates with its own key, shown once at registration; only
/// the SHA-256 of the secret part is stored (the key is 256 random bits, so a slow hash adds nothing; ADR 11).
/// The station that looks after the elder is copied at registration: it sees the device offline and its alarms.
/// </summary>
public sealed class Device
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ElderId { get; init; }
    public DeviceKind Kind { get; init; }
    public required string Serial { get; init; }
    public required string SecretHash { get; set; }
    public required string RegionCode { get; set; }
    public required string UnitCode { get; set; }
    public Guid? StationId { get; set; }
    public DateTime RegisteredAt { get; init; }
    public string? RegisteredBy { get; init; }
    public DateTime? LastSeenAt { get; set; }
    public bool Active { get; set; } = true;
}

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> e)
    {
        e.Property(x => x.Kind).HasMaxLength(20);
        e.Property(x => x.Serial).HasMaxLength(64);
        e.Property(x => x.SecretHash).HasMaxLength(64);
        e.Property(x => x.RegionCode).HasMaxLength(12);
        e.Property(x => x.UnitCode).HasMaxLength(9);
        e.Property(x => x.RegisteredBy).HasMaxLength(100);
        e.HasIndex(x => x.Serial).IsUnique();
        e.HasIndex(x => x.ElderId);
        e.HasIndex(x => new { x.UnitCode, x.LastSeenAt });
        e.HasOne<Elders.Elder>().WithMany().HasForeignKey(x => x.ElderId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// Device keys: <c>dk_{device id, 32 hex}_{secret, 43 base64url}</c>. The id in the key makes the check one primary-key
/// read; the secret is compared in constant time against its stored hash.
/// </summary>
public static class DeviceKeys
{
    private const string Prefix = "dk_";

    public static (string Key, string Hash) New(Guid deviceId)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return ($"{Prefix}{deviceId:N}_{secret}", Hash(secret));
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(secret)));

    /// <summary>Splits a key into the device id and the secret; null when the shape is wrong.</summary>
    public static (Guid DeviceId, string Secret)? Parse(string? key)
    {
        if (key is null || key.Length != Prefix.Length + 32 + 1 + 43 || !key.StartsWith(Prefix, StringComparison.Ordinal)
            || key[Prefix.Length + 32] != '_')
            return null;
        return Guid.TryParseExact(key.AsSpan(Prefix.Length, 32), "N", out var id) ? (id, key[(Prefix.Length + 33)..]) : null;
    }

    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Hash(secret)), System.Text.Encoding.ASCII.GetBytes(storedHash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
