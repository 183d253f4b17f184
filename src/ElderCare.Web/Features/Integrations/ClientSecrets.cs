using System.Security.Cryptography;
using System.Text;

namespace ElderCare.Web.Features.Integrations;

/// <summary>
/// The rules of client secrets and tokens (ADR 29), pure code: 256-bit values from a CSPRNG (ASVS 7.2.3), stored as
/// their SHA-256 only. A fast hash suffices here because the value is random with 256 bits of entropy: nobody can guess
/// it from its hash, so the slow, salted hash that protects people's low-entropy passwords (PBKDF2 in Identity) adds
/// nothing but cost to every call; and an unsalted digest is what lets one indexed read find the secret.
/// </summary>
public static class ClientSecrets
{
    /// <summary>A client secret, used as a Bearer or Basic credential or for the client-credentials grant.</summary>
    public const string SecretPrefix = "ecs_";

    /// <summary>An access token issued by <c>POST /api/oauth/token</c>.</summary>
    public const string TokenPrefix = "ect_";

    /// <summary>Rotation without downtime: a second secret is created, the caller switches, the first is retired.</summary>
    public const int MaxActiveSecrets = 2;

    /// <summary>Last-used times are written at most this often (one write a minute per client, not one per call).</summary>
    public static readonly TimeSpan LastUsedEvery = TimeSpan.FromMinutes(1);

    public const string ActorPrefix = "接口:";

    public static string ActorName(string clientName) => ActorPrefix + clientName;

    public static string NewSecret() => SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string NewToken() => TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Lower-case hex SHA-256 of the whole value (prefix included).</summary>
    public static string Hash(string value) => Account.Sessions.HashToken(value); // the same digest as people's tokens

    /// <summary>Whether a presented secret is the one whose hash is stored (constant-time comparison of the digests).</summary>
    public static bool Verify(string? presented, string storedHash) =>
        presented is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presented)),
            Encoding.ASCII.GetBytes(storedHash));

    /// <summary>What the list shows of a secret: its prefix and last four characters.</summary>
    public static string Hint(string secret) => secret.Length <= 8 ? SecretPrefix + "…" : $"{secret[..4]}…{secret[^4..]}";

    /// <summary>A secret may be added while fewer than <see cref="MaxActiveSecrets"/> are active.</summary>
    public static bool CanAdd(int activeSecrets) => activeSecrets < MaxActiveSecrets;

    /// <summary>A secret may be retired only while another stays active: to stop the client altogether, revoke it.</summary>
    public static bool CanRetire(int activeSecrets) => activeSecrets > 1;

    /// <summary>Whether the last-used time is due to be written again.</summary>
    public static bool LastUsedDue(DateTime? lastUsed, DateTime now) => lastUsed is null || now - lastUsed.Value >= LastUsedEvery;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
