using ElderCare.Web.Data;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Integrations;

/// <summary>An access token of the client-credentials grant and its lifetime in seconds.</summary>
public sealed record IssuedClientToken(string AccessToken, int ExpiresIn);

public static class IssueClientToken
{
    /// <summary>
    /// RFC 6749 §4.4: the client's id and an active secret give a short-lived access token (<see cref="IntegrationOptions.TokenMinutes"/>),
    /// stored as its hash; null when the credentials are wrong or the client is revoked or expired (invalid_client, §5.2).
    /// The client's expired tokens are removed as a new one is issued, so the table holds live tokens only.
    /// </summary>
    public static async Task<IssuedClientToken?> Handle(string? clientId, string? secret, AppDbContext db, IntegrationOptions options,
        TimeProvider clock, AuditLog audit, string? address, CancellationToken ct)
    {
        var now = clock.UtcNow();
        var found = Guid.TryParse(clientId, out var id) ? await ClientCredential.FindSecret(secret, db, ct) : null;
        if (found is not { } row || row.Client.Id != id || !row.Client.IsActive(now))
        {
            var name = found?.Client.Id == id ? found.Value.Client.ActorName
                : await db.ApiClients.Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct) is { } n
                    ? ClientSecrets.ActorName(n) : "(未知接口账户)";
            await audit.AppendAsync(new(null, name, "auth.client-token", $"api-client/{clientId}", AuditOutcome.Failure, address,
                "invalid_client"));
            return null;
        }
        await db.ApiClientTokens.Where(t => t.ClientId == id && t.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        var token = ClientSecrets.NewToken();
        var lifetime = TimeSpan.FromMinutes(options.TokenMinutes);
        db.ApiClientTokens.Add(new ApiClientToken
        {
            ClientId = id, SecretId = row.Secret.Id, Hash = ClientSecrets.Hash(token), IssuedAt = now, ExpiresAt = now + lifetime,
        });
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new(row.Client.Id, row.Client.ActorName, "auth.client-token", $"api-client/{id}", AuditOutcome.Success, address,
            $"密钥 {row.Secret.Hint}"));
        return new IssuedClientToken(token, (int)lifetime.TotalSeconds);
    }
}
