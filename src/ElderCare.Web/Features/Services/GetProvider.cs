using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>A provider in scope, for its edit form.</summary>
public static class GetProvider
{
    public static async Task<Outcome<ProviderResource>> Handle(Guid id, DataScope scope, AppDbContext db, CancellationToken ct) =>
        await db.ServiceProviders.AsNoTracking().InScope(scope).FirstOrDefaultAsync(p => p.Id == id, ct) is { } p
            ? ProviderResource.From(p) : Outcome<ProviderResource>.NotFound("未找到该服务机构。");
}
