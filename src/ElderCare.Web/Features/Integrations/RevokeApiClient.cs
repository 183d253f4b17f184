using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Integrations;

public static class RevokeApiClient
{
    /// <summary>
    /// Stops a client for good (ADR 29): its secrets and every token already issued are refused from the next call, since
    /// each call reads the client's state (one indexed read, no cache to invalidate). Revoking twice changes nothing.
    /// </summary>
    public static async Task<Outcome<ApiClientResource>> Handle(Guid id, AppDbContext db, IntegrationOptions options, TimeProvider clock,
        AuditLog audit, CurrentUser actor, CancellationToken ct)
    {
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (client is null) return Outcome<ApiClientResource>.NotFound(ApiClientQueries.NotFound);
        var now = clock.UtcNow();
        if (client.RevokedAt is null)
        {
            client.RevokedAt = now;
            client.RevokedBy = actor.UserName;
            await db.SaveChangesAsync(ct);
            await db.ApiClientTokens.Where(t => t.ClientId == id).ExecuteDeleteAsync(ct);
            await audit.AppendAsync(new(actor.Id, actor.UserName, "api-client.revoke", $"api-client/{id}", AuditOutcome.Success, actor.Address,
                client.ActorName));
        }
        return await ApiClientQueries.Resource(client, db, options, now, ct);
    }
}
