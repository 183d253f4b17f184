using System.Security.Cryptography;
using System.Text;

namespace ElderCare.Web.Infrastructure.Privacy;

/// <summary>
/// Field-level encryption at rest (QUALITY.md S8): AES-256-GCM with keys held outside the database, named by an id
/// stored with each value so keys can be rotated (new values use the primary key; old ones still decrypt), and a
/// keyed HMAC-SHA256 blind index for exact lookup (e.g. by ID number) without storing the value.
/// Stored form: <c>{keyId}:{base64(nonce ‖ ciphertext ‖ tag)}</c>.
/// </summary>
public sealed class FieldProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly IReadOnlyDictionary<string, byte[]> _keys;
    private readonly byte[] _indexKey;

    public string PrimaryKeyId { get; }

    public FieldProtector(IReadOnlyDictionary<string, byte[]> keys, string primaryKeyId, byte[] indexKey)
    {
        if (!keys.TryGetValue(primaryKeyId, out var primary) || primary.Length != 32)
            throw new ArgumentException("主密钥不存在或不是 256 位。", nameof(primaryKeyId));
        if (keys.Keys.Any(k => k.Contains(':', StringComparison.Ordinal)))
            throw new ArgumentException("密钥编号不能包含冒号。", nameof(keys));
        if (indexKey.Length < 32) throw new ArgumentException("索引密钥至少 256 位。", nameof(indexKey));
        _keys = keys;
        PrimaryKeyId = primaryKeyId;
        _indexKey = indexKey;
    }

    public string? Protect(string? plain)
    {
        if (plain is null) return null;
        var data = Encoding.UTF8.GetBytes(plain);
        var output = new byte[NonceSize + data.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var gcm = new AesGcm(_keys[PrimaryKeyId], TagSize);
        gcm.Encrypt(nonce, data, output.AsSpan(NonceSize, data.Length), output.AsSpan(NonceSize + data.Length), Aad(PrimaryKeyId));
        return $"{PrimaryKeyId}:{Convert.ToBase64String(output)}";
    }

    public string? Unprotect(string? stored)
    {
        if (stored is null) return null;
        var colon = stored.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !_keys.TryGetValue(stored[..colon], out var key))
            throw new CryptographicException("密文的密钥编号未知，无法解密。");
        var bytes = Convert.FromBase64String(stored[(colon + 1)..]);
        if (bytes.Length < NonceSize + TagSize) throw new CryptographicException("密文长度无效。");
        var plain = new byte[bytes.Length - NonceSize - TagSize];
        using var gcm = new AesGcm(key, TagSize);
        gcm.Decrypt(bytes.AsSpan(0, NonceSize), bytes.AsSpan(NonceSize, plain.Length), bytes.AsSpan(NonceSize + plain.Length), plain,
            Aad(stored[..colon]));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>True when a stored value is under an older key and should be re-encrypted with the primary one.</summary>
    public bool NeedsRotation(string? stored) => stored is not null && !stored.StartsWith(PrimaryKeyId + ":", StringComparison.Ordinal);

    /// <summary>Deterministic keyed digest of a normalised value, for exact-match lookup.</summary>
    public string? BlindIndex(string? plain) =>
        plain is null ? null : Convert.ToHexStringLower(HMACSHA256.HashData(_indexKey, Encoding.UTF8.GetBytes(plain.Trim().ToUpperInvariant())));

    private static byte[] Aad(string keyId) => Encoding.UTF8.GetBytes("eldercare-field:" + keyId);
}
