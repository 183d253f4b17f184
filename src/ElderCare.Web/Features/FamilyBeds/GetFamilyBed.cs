using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.FamilyBeds;

/// <summary>One bed in scope with a month's plan figures (yyyyMM).</summary>
public static class GetFamilyBed
{
    public static async Task<Outcome<FamilyBedResource>> Handle(Guid id, int month, DataScope scope, AppDbContext db, CancellationToken ct) =>
        (await FamilyBedQueries.Resources(db.FamilyCareBeds.AsNoTracking().InScope(scope).Where(b => b.Id == id), month, db, ct))
            .SingleOrDefault() is { } bed
            ? bed
            : Outcome<FamilyBedResource>.NotFound("找不到该家庭养老床位，或不在您的管辖范围内。");
}
