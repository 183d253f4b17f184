using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

public sealed record SuggestionResource(Guid WorkerId, string Name, Guid ProviderId, string? ProviderName, double? DistanceMeters, bool SameAsLastTime);

public sealed record SuggestionsResource(IReadOnlyList<SuggestionResource> Suggestions, IReadOnlyList<DispatchExclusion> Excluded);

/// <summary>Loads the facts <see cref="Dispatch"/> needs for an order and ranks the workers.</summary>
public static class SuggestWorkers
{
    /// <summary>A regular client: at least this many completed visits of the item in the last 90 days.</summary>
    public const int RegularVisits = 2;

    public static async Task<Outcome<SuggestionsResource>> Handle(Guid orderId, int? take, DataScope scope, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var order = await db.ServiceOrders.AsNoTracking().InScope(scope, db).Where(o => o.Id == orderId)
            .Select(o => new { o.Id, o.ElderId, o.ServiceItemId, o.ItemCode, o.ProviderId, o.RegionCode, o.UnitCode, o.WindowStart, o.WindowEnd, o.Status })
            .FirstOrDefaultAsync(ct);
        if (order is null) return Outcome<SuggestionsResource>.NotFound("找不到该工单，或不在您的管辖范围内。");
        if (order.Status is not (OrderStatus.Requested or OrderStatus.Assigned))
            return Outcome<SuggestionsResource>.Conflict(OrderLifecycle.Refusal(order.Status, OrderAction.Assign));
        var (request, candidates) = await Facts(order.Id, order.ElderId, order.ServiceItemId, order.ItemCode, order.ProviderId, order.RegionCode, order.UnitCode,
            order.WindowStart, order.WindowEnd, scope, db, clock, ct);
        var result = Dispatch.Suggest(request, candidates);
        var top = result.Suggestions.Take(Math.Clamp(take ?? 10, 1, 50)).ToList();
        var providerIds = top.Select(s => s.ProviderId).Distinct().ToList();
        var names = await db.ServiceProviders.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return new SuggestionsResource(
            top.Select(s => new SuggestionResource(s.WorkerId, s.Name, s.ProviderId, names.GetValueOrDefault(s.ProviderId), s.DistanceMeters is { } d ? Math.Round(d) : null, s.SameAsLastTime)).ToList(),
            result.Excluded.Take(50).ToList());
    }

    internal static async Task<(DispatchRequest, List<DispatchCandidate>)> Facts(Guid orderId, Guid elderId, Guid itemId, string itemCode, Guid? providerId,
        string regionCode, string unitCode, DateTime start, DateTime end, DataScope scope, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var qualification = await db.ServiceItems.Where(i => i.Id == itemId).Select(i => i.RequiredQualification).FirstAsync(ct);
        var home = await db.Elders.Where(e => e.Id == elderId).Select(e => new { e.Latitude, e.Longitude }).FirstAsync(ct);
        // The worker's region codes that cover the elder: the district, the street or town, the community or village.
        var prefixes = new List<string> { regionCode[..Math.Min(6, regionCode.Length)], unitCode, regionCode }.Distinct().ToList();
        // Only workers the user may read and so assign (ADR 0019).
        var workers = db.Workers.AsNoTracking().InScope(scope, db).Where(w => w.Active && w.RegionCodes.Any(c => prefixes.Contains(c)));
        if (providerId is { } p) workers = workers.Where(w => w.ProviderId == p);
        var list = await workers.ToListAsync(ct);
        var ids = list.Select(w => w.Id).ToList();
        var booked = await Bookings(ids, orderId, start, end, db, ct);
        var since = clock.UtcNow().AddDays(-90);
        var recent = await db.ServiceOrders.AsNoTracking()
            .Where(o => o.ElderId == elderId && o.ItemCode == itemCode && o.Status == OrderStatus.Completed && o.WindowStart >= since && o.WorkerId != null)
            .OrderByDescending(o => o.WindowStart).Select(o => o.WorkerId).Take(RegularVisits).ToListAsync(ct);
        var regular = recent.Count >= RegularVisits ? recent[0] : null;
        var request = new DispatchRequest(qualification, start, end, regionCode,
            home.Latitude is { } la && home.Longitude is { } lo ? new GeoPoint(la, lo) : null, regular);
        var candidates = list.Select(w => new DispatchCandidate(w.Id, w.Name, w.ProviderId, w.Qualifications, w.Certificates, w.RegionCodes, w.Availability,
            w.LastLatitude is { } ll && w.LastLongitude is { } lg ? new GeoPoint(ll, lg) : w.BaseLatitude is { } bl && w.BaseLongitude is { } bg ? new GeoPoint(bl, bg) : null,
            booked.Where(b => b.WorkerId == w.Id).Select(b => (b.WindowStart, b.WindowEnd)).ToList())).ToList();
        return (request, candidates);
    }

    /// <summary>The assigned or in-progress orders of these workers that overlap the window (other than this order).</summary>
    internal static async Task<List<(Guid WorkerId, DateTime WindowStart, DateTime WindowEnd)>> Bookings(IReadOnlyCollection<Guid> workerIds, Guid? orderId,
        DateTime start, DateTime end, AppDbContext db, CancellationToken ct)
    {
        var active = new[] { OrderStatus.Assigned, OrderStatus.InProgress };
        var earliest = start.AddHours(-RaiseOrder.MaxWindowHours);
        var rows = await db.ServiceOrders.AsNoTracking()
            // A window lasts at most 12 h (RaiseOrder), so an overlapping one starts after start − 12 h: a tight range on
            // (WorkerId, WindowStart) instead of every past order of the candidates (bench/RESULTS.md).
            .Where(o => o.WorkerId != null && workerIds.Contains(o.WorkerId.Value) && o.Id != orderId && active.Contains(o.Status)
                        && o.WindowStart < end && o.WindowStart > earliest && o.WindowEnd > start)
            .Select(o => new { WorkerId = o.WorkerId!.Value, o.WindowStart, o.WindowEnd }).ToListAsync(ct);
        return rows.Select(r => (r.WorkerId, r.WindowStart, r.WindowEnd)).ToList();
    }
}

public static class AssignOrder
{
    public sealed record Input(Guid? WorkerId, string? Note);

    /// <summary>The officer or provider confirms a suggestion or overrides it; an unqualified or double-booked worker is refused.</summary>
    public static async Task<Outcome<OrderResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var scope = user.Scope;
        var order = await db.ServiceOrders.InScope(scope, db).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null) return Outcome<OrderResource>.NotFound("找不到该工单，或不在您的管辖范围内。");
        if (!OrderLifecycle.Allows(order.Status, OrderAction.Assign)) return Outcome<OrderResource>.Conflict(OrderLifecycle.Refusal(order.Status, OrderAction.Assign));
        var text = new FieldErrors();
        input = input with { Note = text.Text(input.Note, "note", "派单备注", 200) };
        if (text.Any) return Outcome<OrderResource>.Invalid(text);
        // Only a worker the user may read (ADR 0019); outside scope one reads as unknown.
        var workers = db.Workers.AsNoTracking().InScope(scope, db).Where(w => w.Active);
        if (order.ProviderId is { } p) workers = workers.Where(w => w.ProviderId == p);
        var worker = input.WorkerId is { } wid ? await workers.FirstOrDefaultAsync(w => w.Id == wid, ct) : null;
        if (worker is null) return Outcome<OrderResource>.Invalid("workerId", order.ProviderId is null ? "请选择服务人员。" : "请选择承接机构的服务人员。");
        var (request, candidates) = await SuggestWorkers.Facts(order.Id, order.ElderId, order.ServiceItemId, order.ItemCode, worker.ProviderId, order.RegionCode,
            order.UnitCode, order.WindowStart, order.WindowEnd, scope, db, clock, ct);
        // A worker from outside the elder's region (an override) is not among the candidates: check their bookings too.
        var candidate = candidates.FirstOrDefault(c => c.WorkerId == worker.Id)
            ?? new DispatchCandidate(worker.Id, worker.Name, worker.ProviderId, worker.Qualifications, worker.Certificates, worker.RegionCodes, worker.Availability, null,
                (await SuggestWorkers.Bookings([worker.Id], order.Id, order.WindowStart, order.WindowEnd, db, ct)).Select(b => (b.WindowStart, b.WindowEnd)).ToList());
        var day = ServiceTime.Day(order.WindowStart);
        if (!Dispatch.Qualified(request.RequiredQualification, candidate, day))
            return Outcome<OrderResource>.Invalid("workerId", $"该服务人员没有有效的{ServiceLabels.Qualification(request.RequiredQualification)}证书。");
        if (candidate.Booked.Count > 0) return Outcome<OrderResource>.Invalid("workerId", "该服务人员在此时段已有其他工单。");
        var overridden = Dispatch.Exclusion(request, candidate);
        var note = string.Join("；", new[] { $"派给 {worker.Name}", overridden is null ? null : $"人工指定（{overridden}）", input.Note?.Trim() }.Where(s => !string.IsNullOrEmpty(s)));
        OrderLifecycle.Apply(order, OrderAction.Assign, clock.UtcNow(), user.UserName ?? "", note.Length > 300 ? note[..300] : note);
        order.WorkerId = worker.Id;
        order.ProviderId = worker.ProviderId;
        order.Version++;
        await db.SaveChangesAsync(ct);
        return await GetOrder.Handle(order.Id, DataScope.District, db, ct);
    }
}
