using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

public sealed record TransitionResource(OrderStatus Status, DateTime At, string By, string? Note);

public sealed record FlagResource(string Code, string Name, string Detail);

public sealed record ReviewResource(ReviewOutcome Outcome, string Reason, string By, DateTime At);

/// <summary>人工指定: the dispatch rule the officer overrode, the reason, who and when.</summary>
public sealed record OverrideResource(DispatchRule Rule, string RuleName, string Reason, string By, DateTime At);

public sealed record ClockResource(DateTime At, double Latitude, double Longitude);

public sealed record OrderResource(
    Guid Id, Guid ElderId, string ElderName, string ItemCode, string ItemName, int StandardMinutes, Guid? ProviderId, string? ProviderName,
    Guid? WorkerId, string? WorkerName, string UnitCode, string RegionCode, string? Address, double? HomeLatitude, double? HomeLongitude,
    DateTime WindowStart, DateTime WindowEnd, OrderChannel Channel, OrderStatus Status, long PriceFen, long SubsidyFen, long OwnShareFen,
    IReadOnlyList<TransitionResource> Transitions, ClockResource? CheckIn, ClockResource? CheckOut, string? Notes, string? DurationReason,
    bool Late, bool CodeIssued, bool Confirmed, Verification Verification, IReadOnlyList<FlagResource> Flags, int? Rating, string? RatingComment,
    Guid? FamilyBedId, int Version, ReviewResource? Review = null, OverrideResource? DispatchOverride = null);

public static class GetOrder
{
    public static async Task<Outcome<OrderResource>> Handle(Guid id, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var row = await db.ServiceOrders.AsNoTracking().InScope(scope, db).Where(o => o.Id == id)
            .Select(o => new
            {
                Order = o,
                Elder = db.Elders.Where(e => e.Id == o.ElderId).Select(e => new { e.Name, e.Latitude, e.Longitude }).First(),
                Provider = db.ServiceProviders.Where(p => p.Id == o.ProviderId).Select(p => p.Name).FirstOrDefault(),
                Worker = db.Workers.Where(w => w.Id == o.WorkerId).Select(w => w.Name).FirstOrDefault(),
            }).FirstOrDefaultAsync(ct);
        if (row is null) return Outcome<OrderResource>.NotFound("找不到该工单，或不在您的管辖范围内。");
        return From(row.Order, row.Elder.Name, row.Elder.Latitude, row.Elder.Longitude, row.Provider, row.Worker);
    }

    public static OrderResource From(ServiceOrder o, string elderName, double? lat, double? lng, string? provider, string? worker) => new(
        o.Id, o.ElderId, elderName, o.ItemCode, o.ItemName, o.StandardMinutes, o.ProviderId, provider, o.WorkerId, worker, o.UnitCode,
            o.RegionCode, o.Address,
        lat, lng, o.WindowStart, o.WindowEnd, o.Channel, o.Status, o.PriceFen, o.SubsidyFen, o.OwnShareFen,
        o.Transitions.Select(t => new TransitionResource(t.Status, t.At, t.By, t.Note)).ToList(),
        o.CheckInAt is { } i ? new ClockResource(i, o.CheckInLatitude ?? 0, o.CheckInLongitude ?? 0) : null,
        o.CheckOutAt is { } x ? new ClockResource(x, o.CheckOutLatitude ?? 0, o.CheckOutLongitude ?? 0) : null,
        o.Notes, o.DurationReason, o.Late, o.ConfirmCodeHash is not null, o.ConfirmedAt is not null, o.Verification,
        o.Flags.Select(f => new FlagResource(f.Code, VisitFlags.Name(f.Code), f.Detail)).ToList(), o.Rating, o.RatingComment,
            o.FamilyBedId, o.Version,
        o.Review is { } r ? new ReviewResource(r.Outcome, r.Reason, r.By, r.At) : null,
        o.OverrideRule is { } rule ? new OverrideResource(rule, Dispatch.Label(rule), o.OverrideReason ?? "", o.OverriddenBy ?? "",
            o.OverriddenAt ?? default) : null);
}
