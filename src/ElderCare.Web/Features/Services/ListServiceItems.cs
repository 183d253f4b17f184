using System.Globalization;
using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>
/// The catalogue as in effect on a day (today unless <c>on</c> names one), or every version with <c>all</c>; by
/// category and code. Not paged: the catalogue is tens of items, and the order form offers them all.
/// </summary>
public static class ListServiceItems
{
    public static async Task<IReadOnlyList<ServiceItemResource>> Handle(string? on, bool all, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var q = db.ServiceItems.AsNoTracking();
        if (!all) q = q.InEffect(DateOnly.TryParse(on, CultureInfo.InvariantCulture, out var d) ? d : clock.Today());
        var items = await q.ToListAsync(ct);
        return items.OrderBy(i => i.Category).ThenBy(i => i.Code, StringComparer.Ordinal).ThenBy(i => i.EffectiveFrom)
            .Select(ServiceItemResource.From).ToList();
    }
}
