using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;

namespace ElderCare.Web.Features.Account;

/// <summary>Page sign-in: a server-side session behind the auth cookie, and the short-lived "password verified,
/// code pending" marker between the two sign-in pages.</summary>
public static class CookieSignIn
{
    private const string PendingCookie = "eldercare.2fa";
    private static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(5);

    public static async Task SignInAsync(HttpContext http, AppUser user, bool restricted, CancellationToken ct)
    {
        var sessions = http.RequestServices.GetRequiredService<Sessions>();
        var (session, _) = await sessions.StartAsync(user, SessionKind.Cookie, http.Connection.RemoteIpAddress?.ToString(), restricted, ct);
        await http.SignInAsync(AuthSetup.CookieScheme, Sessions.Principal(user, session, AuthSetup.CookieScheme));
    }

    public static void SetPending(HttpContext http, Guid userId)
    {
        var protector = Protector(http);
        http.Response.Cookies.Append(PendingCookie, protector.Protect(userId.ToString(), PendingLifetime), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, MaxAge = PendingLifetime, Path = "/account",
        });
    }

    public static Guid? Pending(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(PendingCookie, out var value)) return null;
        try
        {
            return Guid.Parse(Protector(http).Unprotect(value));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return null;
        }
    }

    public static void ClearPending(HttpContext http) => http.Response.Cookies.Delete(PendingCookie, new CookieOptions { Path = "/account" });

    private static ITimeLimitedDataProtector Protector(HttpContext http) =>
        http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector("eldercare.two-factor-pending")
            .ToTimeLimitedDataProtector();

    /// <summary>Charges one attempt to the address's sign-in budget (<see cref="SignInLimiter"/>, shared with the token API);
    /// when it is spent the page answers 429 with Retry-After and the caller shows the form with the message.</summary>
    public static bool Throttled(HttpContext http)
    {
        if (http.RequestServices.GetRequiredService<SignInLimiter>().TryAcquire(http.Connection.RemoteIpAddress?.ToString(),
            out var wait)) return false;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = SignInLimiter.Seconds(wait);
        return true;
    }
}
