using System.Text.RegularExpressions;

namespace ElderCare.Web.Features.Evidence;

/// <summary>
/// Where the bytes of evidence files live, outside the database: local disk by default (<see cref="LocalEvidenceStore"/>),
/// S3-compatible object storage in production (<see cref="S3EvidenceStore"/>). Keys are content-addressed
/// (<see cref="EvidenceKeys.For"/>), so a put of a key that exists changes nothing.
/// </summary>
public interface IEvidenceStore
{
    /// <summary>Stores the content (read from its current position to the end) under the key, unless the key exists.</summary>
    Task PutAsync(string key, Stream content, CancellationToken ct);

    /// <summary>The content under the key, to be disposed by the caller.</summary>
    Task<Stream> OpenReadAsync(string key, CancellationToken ct);

    Task<bool> ExistsAsync(string key, CancellationToken ct);
}

public static partial class EvidenceKeys
{
    /// <summary>The key of content with the SHA-256 (hex): "ab/cd/abcd…", two levels of folders by the first four digits.</summary>
    public static string For(string sha256Hex) => IsHash(sha256Hex)
        ? $"{sha256Hex[..2]}/{sha256Hex[2..4]}/{sha256Hex}"
        : throw new ArgumentException("not a lower-case SHA-256 hex digest", nameof(sha256Hex));

    /// <summary>Whether a key is one <see cref="For"/> makes (so no key can name a path outside the store).</summary>
    public static bool IsKey(string key) => KeyPattern().IsMatch(key) && key[..2] == key[6..8] && key[3..5] == key[8..10];

    public static bool IsHash(string hex) => HashPattern().IsMatch(hex);

    [GeneratedRegex("^[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex HashPattern();
}
