using System.Security.Claims;
using System.Text;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Integrations;

/// <summary>What a request presents: a secret (Bearer ecs_… or Basic id:secret) or an access token (Bearer ect_…).</summary>
public sealed record PresentedCredential(Guid? ClientId, string? Secret, string? Token);

/// <summary>The client a credential belongs to, and the secret it was made with.</summary>
public sealed record AuthenticatedClient(ApiClient Client, Guid SecretId);

/// <summary>
/// Reads and checks a client's credential on every call (ADR 29): one indexed read of the secret's or token's hash,
/// joined with its secret and client, so a revoked client, a retired secret or an expired token is refused on the very
/// next call, on every node, without a cache to invalidate. Last-used times are written at most once a minute.
/// </summary>
public static class ClientCredential
{
    public const string ClientClaim = "client";
    public const string LimitClaim = "client.limit";

    /// <summary>Whether an Authorization header is a client's (so the client scheme, not the people's, reads it).</summary>
    public static bool IsClientHeader(string header) =>
        header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)
        || header.StartsWith("Bearer " + ClientSecrets.SecretPrefix, StringComparison.OrdinalIgnoreCase)
        || header.StartsWith("Bearer " + ClientSecrets.TokenPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The credential in an Authorization header; null when it is not a client's or cannot be read.</summary>
    public static PresentedCredential? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return null;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var value = header["Bearer ".Length..].Trim();
            return value.StartsWith(ClientSecrets.TokenPrefix, StringComparison.Ordinal) ? new(null, null, value)
                : value.StartsWith(ClientSecrets.SecretPrefix, StringComparison.Ordinal) ? new(null, value, null) : null;
        }
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        return Basic(header["Basic ".Length..].Trim()) is var (id, secret) ? new(id, secret, null) : null;
    }

    /// <summary>RFC 6749 §2.3.1: client id and secret, each form-url-encoded, joined by a colon, in Base64.</summary>
    public static (Guid Id, string Secret)? Basic(string encoded)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0) return null;
            var id = Uri.UnescapeDataString(text[..colon].Replace('+', ' '));
            var secret = Uri.UnescapeDataString(text[(colon + 1)..].Replace('+', ' '));
            return Guid.TryParse(id, out var g) && secret.Length > 0 ? (g, secret) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The active client of the credential, or null (unknown, revoked, expired, retired secret, wrong client id).</summary>
    public static async Task<AuthenticatedClient?> CheckAsync(PresentedCredential credential, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.UtcNow();
        AuthenticatedClient? found;
        if (credential.Token is { } token)
        {
            var hash = ClientSecrets.Hash(token);
            var row = await db.ApiClientTokens.AsNoTracking().Where(t => t.Hash == hash && t.ExpiresAt > now)
                .Join(db.ApiClientSecrets.AsNoTracking().Where(s => s.RetiredAt == null), t => t.SecretId, s => s.Id, (t, s) => s)
                .Join(db.ApiClients.AsNoTracking(), s => s.ClientId, c => c.Id, (s, c) => new { Secret = s, Client = c })
                .FirstOrDefaultAsync(ct);
            found = row is null ? null : new AuthenticatedClient(row.Client, row.Secret.Id);
            if (row is not null) await TouchAsync(row.Client, row.Secret, db, now, ct);
        }
        else
        {
            var row = await FindSecret(credential.Secret, db, ct);
            found = row is null || (credential.ClientId is { } id && id != row.Value.Client.Id) ? null
                : new AuthenticatedClient(row.Value.Client, row.Value.Secret.Id);
            if (found is not null) await TouchAsync(row!.Value.Client, row.Value.Secret, db, now, ct);
        }
        return found is not null && found.Client.IsActive(now) ? found : null;
    }

    /// <summary>The unretired secret with its client (one indexed read), whatever the client's state.</summary>
    public static async Task<(ApiClient Client, ApiClientSecret Secret)?> FindSecret(string? secret, AppDbContext db, CancellationToken ct)
    {
        if (secret is null || !secret.StartsWith(ClientSecrets.SecretPrefix, StringComparison.Ordinal)) return null;
        var hash = ClientSecrets.Hash(secret);
        var row = await db.ApiClientSecrets.AsNoTracking().Where(s => s.Hash == hash && s.RetiredAt == null)
            .Join(db.ApiClients.AsNoTracking(), s => s.ClientId, c => c.Id, (s, c) => new { Secret = s, Client = c })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : (row.Client, row.Secret);
    }

    /// <summary>The principal of a client: its role and scope as for a user; the name the audit shows is "接口:名称".</summary>
    public static ClaimsPrincipal Principal(ApiClient client, int requestsPerMinute, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, client.Id.ToString()),
            new(ClaimTypes.Name, client.ActorName),
            new(ClaimTypes.GivenName, client.Name),
            new(ClaimTypes.Role, EnumText.Of(client.Role)),
            new(ClientClaim, client.Id.ToString()),
            new(LimitClaim, requestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (client.RegionCode is { } region) claims.Add(new(AccessClaims.Region, region));
        claims.AddRange(client.FacilityIds.Select(f => new Claim(AccessClaims.Facility, f.ToString())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>Last used, at most once a minute (ClientSecrets.LastUsedDue); the condition in the update keeps two nodes from
    /// both writing. Best effort (ADR 16): a busy database must not fail the call over a last-used time.</summary>
    private static async Task TouchAsync(ApiClient client, ApiClientSecret secret, AppDbContext db, DateTime now, CancellationToken ct)
    {
        var before = now - ClientSecrets.LastUsedEvery;
        try
        {
            if (ClientSecrets.LastUsedDue(client.LastUsedAt, now))
                await db.ApiClients.Where(c => c.Id == client.Id && (c.LastUsedAt == null || c.LastUsedAt <= before))
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.LastUsedAt, now), ct);
            if (ClientSecrets.LastUsedDue(secret.LastUsedAt, now))
                await db.ApiClientSecrets.Where(s => s.Id == secret.Id && (s.LastUsedAt == null || s.LastUsedAt <= before))
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastUsedAt, now), ct);
        }
        catch (Exception e) when (Infrastructure.Errors.DatabaseUnavailable.Is(e))
        {
            // The next call writes it again.
        }
    }
}
