namespace ElderCare.Web.Infrastructure.Web;

/// <summary>
/// The one check for a return address taken from a request (ASVS 5.1.5, no open redirect): a path on this site and
/// nothing a browser could read as another host or a header could not carry. Anything else falls back to "/".
/// </summary>
public static class LocalUrl
{
    public const int MaxLength = 2048;

    /// <summary>
    /// A single leading '/', then printable ASCII only (a non-ASCII character or CR/LF in a Location header is refused by
    /// the server, which used to answer 500); after percent-decoding still no control character, whitespace or backslash
    /// anywhere (browsers drop tabs and newlines, and read '\' as '/', so "/%09/evil.example" is "//evil.example"), and no
    /// "//" or "/\" at the start (another host) — a scheme cannot come before the leading '/'.
    /// </summary>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || url[0] != '/') return false;
        if (url.Any(c => c is <= ' ' or >= '\u007f' or '\\')) return false;
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(url);
        }
        catch (UriFormatException)
        {
            return false;
        }
        if (decoded.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\')) return false;
        return !StartsTwoSlashes(url) && !StartsTwoSlashes(decoded);
    }

    /// <summary>The address if it is local, otherwise the home page.</summary>
    public static string Safe(string? url) => IsLocal(url) ? url! : "/";

    private static bool StartsTwoSlashes(string s) => s.Length > 1 && s[0] == '/' && s[1] is '/' or '\\';
}
