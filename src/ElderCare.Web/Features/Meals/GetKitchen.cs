using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>One kitchen in scope; outside scope it reads as not found (404), as every record does.</summary>
public static class GetKitchen
{
    public static async Task<Outcome<KitchenResource>> Handle(Guid id, DataScope scope, AppDbContext db, CancellationToken ct) =>
        await db.Kitchens.AsNoTracking().InScope(scope).FirstOrDefaultAsync(k => k.Id == id, ct) is { } k
            ? KitchenResource.From(k) : Outcome<KitchenResource>.NotFound("未找到该中央厨房。");
}
