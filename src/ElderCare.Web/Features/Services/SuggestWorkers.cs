using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

public sealed record SuggestionResource(Guid WorkerId, string Name, Guid ProviderId, string? ProviderName, double? DistanceMeters,
    bool SameAsLastTime);

/// <summary>How many workers one dispatch rule left out.</summary>
public sealed record RuleCount(DispatchRule Rule, string Name, int Workers);

/// <summary>
/// The ranked suggestions, the workers left out with their reason, and how many each rule left out. <c>Considered</c> is the
/// number of active workers in the user's scope (and of the order's provider, when it has one) that were checked.
/// </summary>
public sealed record SuggestionsResource(IReadOnlyList<SuggestionResource> Suggestions, IReadOnlyList<DispatchExclusion> Excluded,
    IReadOnlyList<RuleCount>? Counts = null, int Considered = 0);

/// <summary>Loads the facts <see cref="Dispatch"/> needs for an order and ranks the workers.</summary>
public static class SuggestWorkers
{
    /// <summary>A regular client: at least this many completed visits of the item in the last <see cref="RegularDays"/> days.</summary>
    public const int RegularVisits = 2;

    /// <summary>How far back completed visits make a regular client (PRACTICE.md: continuity of the same worker).</summary>
    public const int RegularDays = 90;

    /// <summary>Suggestions shown when the caller does not say (<c>take</c>), and the most it may ask for.</summary>
    public const int DefaultTake = 10, MaxTake = 50;

    /// <summary>
    /// Excluded workers listed with their reason, at most this many: enough for the officer to see why the usual
    /// people are missing, bounded because a district-wide order can rule out hundreds of workers.
    /// </summary>
    public const int MaxExcluded = 50;

    public static async Task<Outcome<SuggestionsResource>> Handle(Guid orderId, int? take, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var order = await db.ServiceOrders.AsNoTracking().InScope(scope, db).Where(o => o.Id == orderId)
            .Select(o => new
            {
                o.Id, o.ElderId, o.ServiceItemId, o.ItemCode, o.ProviderId, o.RegionCode, o.UnitCode, o.WindowStart, o.WindowEnd, o.Status,
            })
            .FirstOrDefaultAsync(ct);
        if (order is null) return Outcome<SuggestionsResource>.NotFound("找不到该工单，或不在您的管辖范围内。");
        if (order.Status is not (OrderStatus.Requested or OrderStatus.Assigned))
            return Outcome<SuggestionsResource>.Conflict(OrderLifecycle.Refusal(order.Status, OrderAction.Assign));
        var (request, candidates) = await Facts(order.Id, order.ElderId, order.ServiceItemId, order.ItemCode, order.ProviderId, order.RegionCode,
            order.UnitCode, order.WindowStart, order.WindowEnd, scope, db, clock, ct);
        var result = Dispatch.Suggest(request, candidates);
        var top = result.Suggestions.Take(Math.Clamp(take ?? DefaultTake, 1, MaxTake)).ToList();
        var providerIds = top.Select(s => s.ProviderId).Distinct().ToList();
        var names = await db.ServiceProviders.AsNoTracking().Where(p => providerIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var suggestions = top.Select(s => new SuggestionResource(s.WorkerId, s.Name, s.ProviderId, names.GetValueOrDefault(s.ProviderId),
            s.DistanceMeters is { } d ? Math.Round(d) : null, s.SameAsLastTime)).ToList();
        var excluded = result.Excluded.Take(MaxExcluded).ToList();
        var counts = result.Excluded.GroupBy(x => x.Rule).ToDictionary(g => g.Key, g => g.Count());
        var considered = candidates.Count;
        if (result.Suggestions.Count == 0)
        {
            // Nobody qualifies: the officer sees everyone who could be assigned by override (人工指定), so the workers in
            // scope who do not serve the elder's region are listed too, bounded, with that reason.
            var (outside, count) = await OutsideRegion(candidates.Select(c => c.WorkerId).ToList(), order.ProviderId,
                MaxExcluded - excluded.Count, scope, db, ct);
            excluded.AddRange(outside);
            if (count > 0) counts[DispatchRule.Region] = counts.GetValueOrDefault(DispatchRule.Region) + count;
            considered += count;
        }
        var byRule = counts.OrderBy(c => c.Key).Select(c => new RuleCount(c.Key, Dispatch.Label(c.Key), c.Value)).ToList();
        return new SuggestionsResource(suggestions, excluded, byRule, considered);
    }

    /// <summary>Active workers in scope (of the provider, when the order has one) other than the candidates: they do not serve the region.</summary>
    private static async Task<(List<DispatchExclusion> Listed, int Count)> OutsideRegion(List<Guid> candidateIds, Guid? providerId, int take,
        DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var others = db.Workers.AsNoTracking().InScope(scope, db).Where(w => w.Active && !candidateIds.Contains(w.Id));
        if (providerId is { } p) others = others.Where(w => w.ProviderId == p);
        var count = await others.CountAsync(ct);
        var listed = take <= 0 ? [] : await others.OrderBy(w => w.Name).Take(take)
            .Select(w => new DispatchExclusion(w.Id, w.Name, "不服务该区域", DispatchRule.Region, true)).ToListAsync(ct);
        return (listed, count);
    }

    internal static async Task<(DispatchRequest, List<DispatchCandidate>)> Facts(Guid orderId, Guid elderId, Guid itemId, string itemCode,
        Guid? providerId, string regionCode, string unitCode, DateTime start, DateTime end, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var qualification = await db.ServiceItems.Where(i => i.Id == itemId).Select(i => i.RequiredQualification).FirstAsync(ct);
        var home = await db.Elders.Where(e => e.Id == elderId).Select(e => new { e.Latitude, e.Longitude }).FirstAsync(ct);
        // The worker's region codes that cover the elder: the district, the street or town, the community or village.
        var prefixes = new List<string> { regionCode[..Math.Min(6, regionCode.Length)], unitCode, regionCode }.Distinct().ToList();
        // Only workers the user may read and so assign (ADR 0019).
        var workers = db.Workers.AsNoTracking().InScope(scope, db)
            .Where(w => w.Active && w.RegionCodes.Any(c => prefixes.Contains(c)));
        if (providerId is { } p) workers = workers.Where(w => w.ProviderId == p);
        var list = await workers.ToListAsync(ct);
        var ids = list.Select(w => w.Id).ToList();
        var booked = await Bookings(ids, orderId, start, end, db, ct);
        var since = clock.UtcNow().AddDays(-RegularDays);
        var recent = await db.ServiceOrders.AsNoTracking()
            .Where(o => o.ElderId == elderId && o.ItemCode == itemCode && o.Status == OrderStatus.Completed && o.WindowStart >= since
                        && o.WorkerId != null)
            .OrderByDescending(o => o.WindowStart).Select(o => o.WorkerId).Take(RegularVisits).ToListAsync(ct);
        var regular = recent.Count >= RegularVisits ? recent[0] : null;
        var request = new DispatchRequest(qualification, start, end, regionCode,
            home.Latitude is { } la && home.Longitude is { } lo ? new GeoPoint(la, lo) : null, regular);
        var candidates = list.Select(w => new DispatchCandidate(w.Id, w.Name, w.ProviderId, w.Qualifications, w.Certificates, w.RegionCodes,
            w.Availability, Position(w), booked.Where(b => b.WorkerId == w.Id).Select(b => (b.WindowStart, b.WindowEnd)).ToList())).ToList();
        return (request, candidates);
    }

    /// <summary>Where the worker was last seen (the last check-in or check-out), else their base.</summary>
    private static GeoPoint? Position(Worker w) =>
        w.LastLatitude is { } ll && w.LastLongitude is { } lg ? new GeoPoint(ll, lg)
        : w.BaseLatitude is { } bl && w.BaseLongitude is { } bg ? new GeoPoint(bl, bg) : null;

    /// <summary>The assigned or in-progress orders of these workers that overlap the window (other than this order).</summary>
    internal static async Task<List<(Guid WorkerId, DateTime WindowStart, DateTime WindowEnd)>> Bookings(IReadOnlyCollection<Guid> workerIds,
        Guid? orderId, DateTime start, DateTime end, AppDbContext db, CancellationToken ct)
    {
        var active = new[] { OrderStatus.Assigned, OrderStatus.InProgress };
        var earliest = start.AddHours(-RaiseOrder.MaxWindowHours);
        var rows = await db.ServiceOrders.AsNoTracking()
            // A window lasts at most 12 h (RaiseOrder), so an overlapping one starts after start − 12 h: a tight range on
            // (WorkerId, WindowStart) instead of every past order of the candidates (bench/NOTES.md).
            .Where(o => o.WorkerId != null && workerIds.Contains(o.WorkerId.Value) && o.Id != orderId && active.Contains(o.Status)
                        && o.WindowStart < end && o.WindowStart > earliest && o.WindowEnd > start)
            .Select(o => new { WorkerId = o.WorkerId!.Value, o.WindowStart, o.WindowEnd }).ToListAsync(ct);
        return rows.Select(r => (r.WorkerId, r.WindowStart, r.WindowEnd)).ToList();
    }
}
