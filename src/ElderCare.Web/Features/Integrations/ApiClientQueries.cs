using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Integrations;

/// <summary>Reads shared by the client use cases.</summary>
public static class ApiClientQueries
{
    public const string NotFound = "未找到该接口账户。";

    public static Task<int> ActiveSecrets(Guid clientId, AppDbContext db, CancellationToken ct) =>
        db.ApiClientSecrets.CountAsync(s => s.ClientId == clientId && s.RetiredAt == null, ct);

    public static async Task<ApiClientResource> Resource(ApiClient client, AppDbContext db, IntegrationOptions options, DateTime now,
        CancellationToken ct) =>
        ApiClientResource.From(client, await ActiveSecrets(client.Id, db, ct), options, now);
}
