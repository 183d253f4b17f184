using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Meals;

/// <summary>
/// The name of the dining point on an elder's meal record, for the elder's page: the caller has already read the record
/// through <see cref="GetMealProfile"/> (the elder in scope), and the point's name is shown even when the point itself
/// belongs to another unit.
/// </summary>
public static class GetDiningPointName
{
    public static Task<string?> Handle(Guid diningPointId, AppDbContext db, CancellationToken ct) =>
        db.DiningPoints.AsNoTracking().Where(p => p.Id == diningPointId).Select(p => p.Name).FirstOrDefaultAsync(ct);
}
