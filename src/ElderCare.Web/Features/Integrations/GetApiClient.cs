using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Integrations;

public static class GetApiClient
{
    /// <summary>One client with its secrets (hints only), newest secret first.</summary>
    public static async Task<Outcome<ApiClientDetails>> Handle(Guid id, AppDbContext db, IntegrationOptions options, TimeProvider clock,
        CancellationToken ct)
    {
        var client = await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (client is null) return Outcome<ApiClientDetails>.NotFound(ApiClientQueries.NotFound);
        var secrets = (await db.ApiClientSecrets.AsNoTracking().Where(s => s.ClientId == id).ToListAsync(ct))
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).ToList();
        var active = secrets.Count(s => s.RetiredAt is null);
        return new ApiClientDetails(ApiClientResource.From(client, active, options, clock.UtcNow()),
            secrets.Select(ApiClientSecretResource.From).ToList());
    }
}
