using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Integrations;

public static class AddClientSecret
{
    /// <summary>
    /// The first step of a rotation (ADR 29): a second secret beside the current one, both valid until the old one is
    /// retired. Refused (409) when two are active already, or when the client is revoked or expired.
    /// </summary>
    public static async Task<Outcome<ClientSecretCreated>> Handle(Guid id, AppDbContext db, TimeProvider clock, AuditLog audit,
        CurrentUser actor, CancellationToken ct)
    {
        var client = await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (client is null) return Outcome<ClientSecretCreated>.NotFound(ApiClientQueries.NotFound);
        var now = clock.UtcNow();
        if (!client.IsActive(now)) return Outcome<ClientSecretCreated>.Conflict("该接口账户已停用或已过期，不能再新建密钥。");
        if (!ClientSecrets.CanAdd(await ApiClientQueries.ActiveSecrets(id, db, ct)))
            return Outcome<ClientSecretCreated>.Conflict(
                $"每个接口账户最多同时有 {ClientSecrets.MaxActiveSecrets} 个有效密钥：请先停用旧密钥，再新建。");
        var secret = ClientSecrets.NewSecret();
        var stored = new ApiClientSecret { ClientId = id, Hash = ClientSecrets.Hash(secret), Hint = ClientSecrets.Hint(secret), CreatedAt = now };
        db.ApiClientSecrets.Add(stored);
        await db.SaveChangesAsync(ct);
        // Two rotations at once could both pass the count above; the later sees three and withdraws its own.
        if (await ApiClientQueries.ActiveSecrets(id, db, ct) > ClientSecrets.MaxActiveSecrets)
        {
            await db.ApiClientSecrets.Where(s => s.Id == stored.Id).ExecuteDeleteAsync(ct);
            return Outcome<ClientSecretCreated>.Conflict($"每个接口账户最多同时有 {ClientSecrets.MaxActiveSecrets} 个有效密钥：请先停用旧密钥，再新建。");
        }
        await audit.AppendAsync(new(actor.Id, actor.UserName, "api-client.secret-add", $"api-client/{id}/secrets/{stored.Id}", AuditOutcome.Success,
            actor.Address, $"{client.ActorName} 新密钥 {stored.Hint}"));
        return new ClientSecretCreated(id, stored.Id, secret, stored.Hint);
    }
}
