using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>One dining point in scope; outside scope it reads as not found (404), as every record does.</summary>
public static class GetDiningPoint
{
    public static async Task<Outcome<DiningPointResource>> Handle(Guid id, DataScope scope, AppDbContext db, CancellationToken ct) =>
        await db.DiningPoints.AsNoTracking().InScope(scope).FirstOrDefaultAsync(p => p.Id == id, ct) is { } p
            ? DiningPointResource.From(p) : Outcome<DiningPointResource>.NotFound("未找到该助餐点。");
}
