using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>
/// The providers in scope by street or town and name. Not paged: a district has tens of providers, and the order and
/// worker forms offer them all as choices.
/// </summary>
public static class ListProviders
{
    public static async Task<IReadOnlyList<ProviderResource>> Handle(DataScope scope, AppDbContext db, CancellationToken ct) =>
        (await db.ServiceProviders.AsNoTracking().InScope(scope).OrderBy(p => p.UnitCode).ThenBy(p => p.Name).ToListAsync(ct))
            .Select(ProviderResource.From).ToList();
}
