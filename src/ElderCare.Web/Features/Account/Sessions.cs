using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Account;

/// <summary>Starts, checks and ends server-side sessions; both cookies and bearer tokens stand on them.</summary>
public sealed class Sessions(AppDbContext db, TimeProvider clock, ILogger<Sessions> log)
{
    /// <summary>How often the idle clock is written back (fewer writes; the idle limit stays 15 minutes ± this).</summary>
    private static readonly TimeSpan TouchEvery = TimeSpan.FromSeconds(60);

    public async Task<(UserSession Session, string? Token)> StartAsync(AppUser user, SessionKind kind, string? address, bool restricted,
        CancellationToken ct)
    {
        var now = clock.UtcNow();
        // ASVS 7.2.3: reference tokens from a CSPRNG with at least 128 bits (here 256).
        var token = kind == SessionKind.Token ? "ec_" + Base64Url(RandomNumberGenerator.GetBytes(32)) : null;
        var session = new UserSession
        {
            UserId = user.Id, Kind = kind, TokenHash = token is null ? null : HashToken(token),
            CreatedAt = now, LastSeenAt = now, Address = address, Restricted = restricted,
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct);
        return (session, token);
    }

    /// <summary>The active session with its user, touching its idle clock; null when revoked, idle, expired or disabled.</summary>
    public async Task<(UserSession Session, AppUser User)?> ValidateAsync(Guid? sessionId, string? token, CancellationToken ct)
    {
        var hash = token is null ? null : HashToken(token);
        var found = await db.Sessions
            .Where(s => sessionId != null ? s.Id == sessionId : s.TokenHash == hash)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { Session = s, User = u })
            .FirstOrDefaultAsync(ct);
        var now = clock.UtcNow();
        if (found is null || found.User.Disabled || !found.Session.IsActive(now)) return null;
        if ((token is null) != (found.Session.Kind == SessionKind.Cookie)) return null;
        if (now - found.Session.LastSeenAt >= TouchEvery)
        {
            // Best effort (ADR 16): a busy or locked database must not fail a read over the idle clock; the next request
            // touches it again, and the idle limit errs by at most the outage.
            var previous = found.Session.LastSeenAt;
            found.Session.LastSeenAt = now;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (Exception e) when (Infrastructure.Errors.DatabaseUnavailable.Is(e))
            {
                log.LogWarning(e, "Session {Session} last-seen not written (database unavailable)", found.Session.Id);
                found.Session.LastSeenAt = previous;
                db.Entry(found.Session).State = EntityState.Unchanged;
            }
        }
        return (found.Session, found.User);
    }

    public async Task RevokeAsync(Guid sessionId, CancellationToken ct) =>
        await db.Sessions.Where(s => s.Id == sessionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, clock.UtcNow()), ct);

    /// <summary>ASVS 7.4: sign-out everywhere, on disable and on password change.</summary>
    public async Task<int> RevokeAllAsync(Guid userId, CancellationToken ct) =>
        await db.Sessions.Where(s => s.UserId == userId && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, clock.UtcNow()), ct);

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The principal of a user in a session: role, scope and the session id.</summary>
    public static ClaimsPrincipal Principal(AppUser user, UserSession session, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.UserName ?? ""),
            new(ClaimTypes.GivenName, user.DisplayName),
            new(ClaimTypes.Role, EnumText.Of(user.Role)),
            new(AccessClaims.Session, session.Id.ToString()),
        };
        if (user.RegionCode is { } region) claims.Add(new(AccessClaims.Region, region));
        claims.AddRange(user.FacilityIds.Select(f => new Claim(AccessClaims.Facility, f.ToString())));
        if (user.CanUnmask && user.TwoFactorEnrolled) claims.Add(new(AccessClaims.Unmask, "true"));
        if (session.Restricted) claims.Add(new(AccessClaims.Restricted, "true"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
