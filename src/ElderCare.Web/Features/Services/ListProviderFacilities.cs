using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>The facilities in scope a provider may be registered from: all but closed ones, by name.</summary>
public static class ListProviderFacilities
{
    public sealed record Choice(Guid Id, string Name);

    public static async Task<IReadOnlyList<Choice>> Handle(DataScope scope, AppDbContext db, CancellationToken ct) =>
        await db.Facilities.AsNoTracking().InScope(scope).Where(f => f.Status != FacilityStatus.Closed).OrderBy(f => f.Name)
            .Select(f => new Choice(f.Id, f.Name)).ToListAsync(ct);
}
