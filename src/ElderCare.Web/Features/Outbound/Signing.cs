using System.Security.Cryptography;
using System.Text;

namespace ElderCare.Web.Features.Outbound;

/// <summary>
/// The signature of an outbound POST (webhooks) and of an SMS gateway request or receipt (ADR 29), the scheme of Stripe
/// and Slack: <c>hex(HMAC-SHA256(secret, timestamp + "." + body))</c>, the timestamp in Unix seconds sent in its own
/// header. A receiver recomputes it over the raw body and refuses a timestamp more than <see cref="ToleranceSeconds"/>
/// from its own clock, so a captured request cannot be replayed later.
/// </summary>
public static class Signing
{
    public const string EventIdHeader = "X-ElderCare-Event-Id";
    public const string EventTypeHeader = "X-ElderCare-Event";
    public const string TimestampHeader = "X-ElderCare-Timestamp";
    public const string SignatureHeader = "X-ElderCare-Signature";

    /// <summary>A signed request older or newer than this (5 minutes) is refused.</summary>
    public const int ToleranceSeconds = 300;

    /// <summary>"sha256=" + lower-case hex of HMAC-SHA256(secret, timestamp + "." + body).</summary>
    public static string Sign(string secret, long timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + body)));

    /// <summary>True when the signature is the body's under the secret (constant-time) and the timestamp within tolerance.</summary>
    public static bool Verify(string secret, string? timestamp, string body, string? signature, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ts)
            || Math.Abs(now.ToUnixTimeSeconds() - ts) > ToleranceSeconds || signature is null)
            return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, ts, body)), Encoding.ASCII.GetBytes(signature.Trim()));
    }

    /// <summary>A new signing secret: 32 random bytes, base64url, prefixed "whsec_".</summary>
    public static string NewSecret() =>
        "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The id of an event, the same each time it is derived (so it is queued once): a UUID from SHA-256 of type and subject.</summary>
    public static string EventId(string type, string subject)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(type + ":" + subject));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8 (custom), RFC 9562
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
