using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Integrations;

public static class RetireClientSecret
{
    /// <summary>
    /// The last step of a rotation (ADR 29): the secret, and every token issued with it, is refused from the next call.
    /// The last active secret cannot be retired (409): to stop a client altogether, revoke the client.
    /// </summary>
    public static async Task<Outcome<ApiClientDetails>> Handle(Guid id, Guid secretId, AppDbContext db, IntegrationOptions options,
        TimeProvider clock, AuditLog audit, CurrentUser actor, CancellationToken ct)
    {
        var client = await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        var secret = await db.ApiClientSecrets.FirstOrDefaultAsync(s => s.Id == secretId && s.ClientId == id, ct);
        if (client is null || secret is null) return Outcome<ApiClientDetails>.NotFound("未找到该接口账户或密钥。");
        if (secret.RetiredAt is not null) return Outcome<ApiClientDetails>.Conflict("该密钥已停用。");
        if (!ClientSecrets.CanRetire(await ApiClientQueries.ActiveSecrets(id, db, ct)))
            return Outcome<ApiClientDetails>.Conflict("这是该接口账户唯一的有效密钥：请先新建一个密钥并让对方换用，再停用它；要停止该账户请直接停用账户。");
        var now = clock.UtcNow();
        secret.RetiredAt = now;
        await db.SaveChangesAsync(ct);
        await db.ApiClientTokens.Where(t => t.SecretId == secretId).ExecuteDeleteAsync(ct);
        await audit.AppendAsync(new(actor.Id, actor.UserName, "api-client.secret-retire", $"api-client/{id}/secrets/{secretId}",
            AuditOutcome.Success, actor.Address, $"{client.ActorName} 停用密钥 {secret.Hint}"));
        return await GetApiClient.Handle(id, db, options, clock, ct);
    }
}
