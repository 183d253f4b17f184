using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

public sealed record OrderRow(Guid Id, Guid ElderId, string ElderName, string ItemName, string? ProviderName, string? WorkerName, string RegionCode,
    DateTime WindowStart, DateTime WindowEnd, OrderStatus Status, Verification Verification, bool Late, long SubsidyFen, long OwnShareFen,
    bool DispatchOverridden = false);

public static class ListOrders
{
    public sealed record Query
    {
        public string? Status { get; init; }
        public string? Verification { get; init; }
        public Guid? ProviderId { get; init; }
        public Guid? WorkerId { get; init; }
        public Guid? ElderId { get; init; }
        public string? RegionCode { get; init; }
        public DateOnly? From { get; init; }
        public DateOnly? To { get; init; }
        public bool? Late { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
        public string? Sort { get; init; }
        public string? Dir { get; init; }
    }

    /// <summary>The columns the list sorts by (a whitelist, Shared/Sorting.cs); the latest service window first unless asked.</summary>
    public static readonly SortKeys<ServiceOrder> Sorting = new SortKeys<ServiceOrder>("window", defaultDescending: true)
        .Add("window", o => o.WindowStart)
        .Add("item", o => o.ItemName)
        .Add("status", o => o.Status)
        .Add("verification", o => o.Verification)
        .Add("subsidy", o => o.SubsidyFen)
        .Add("ownShare", o => o.OwnShareFen);

    public static Task<Outcome<Paged<OrderRow>>> Handle(Query q, DataScope scope, AppDbContext db, CancellationToken ct) =>
        ListPage.Read(q.Page, q.PageSize, errors => Filter(q, scope, db, errors), orders => Sorted(orders, q),
            (page, token) => Rows(page, db).ToListAsync(token), ct);

    /// <summary>The list's order: the chosen column, then the window and id, so that pages and exports agree.</summary>
    public static IOrderedQueryable<ServiceOrder> Sorted(IQueryable<ServiceOrder> orders, Query q) =>
        Sorting.Apply(orders, q.Sort, q.Dir).ThenByDescending(o => o.WindowStart).ThenBy(o => o.Id);

    /// <summary>The rows with the elder's, provider's and worker's names.</summary>
    public static IQueryable<OrderRow> Rows(IQueryable<ServiceOrder> orders, AppDbContext db) =>
        orders.Select(o => new OrderRow(o.Id, o.ElderId, db.Elders.Where(x => x.Id == o.ElderId).Select(x => x.Name).First(), o.ItemName,
            db.ServiceProviders.Where(x => x.Id == o.ProviderId).Select(x => x.Name).FirstOrDefault(),
            db.Workers.Where(x => x.Id == o.WorkerId).Select(x => x.Name).FirstOrDefault(), o.RegionCode, o.WindowStart, o.WindowEnd,
            o.Status, o.Verification, o.Late, o.SubsidyFen, o.OwnShareFen, o.OverrideRule != null));

    /// <summary>The orders in scope matching the filters (the list and its export share it); problems go to <paramref name="errors"/>.</summary>
    public static IQueryable<ServiceOrder> Filter(Query q, DataScope scope, AppDbContext db, FieldErrors errors)
    {
        var status = EnumText.Optional<OrderStatus>(q.Status, "status", errors);
        var verification = EnumText.Optional<Verification>(q.Verification, "verification", errors);
        errors.AddIf(q.From is { } f && q.To is { } t && t < f, "to", "结束日期不能早于开始日期。");

        var orders = db.ServiceOrders.AsNoTracking().InScope(scope, db);
        if (status is { } s) orders = orders.Where(o => o.Status == s);
        if (verification is { } v) orders = orders.Where(o => o.Verification == v);
        if (q.ProviderId is { } p) orders = orders.Where(o => o.ProviderId == p);
        if (q.WorkerId is { } w) orders = orders.Where(o => o.WorkerId == w);
        if (q.ElderId is { } e) orders = orders.Where(o => o.ElderId == e);
        if (q.Late == true) orders = orders.Where(o => o.Late);
        if (!string.IsNullOrWhiteSpace(q.RegionCode) && q.RegionCode.Trim().Length >= 9)
        {
            var prefix = q.RegionCode.Trim();
            // Equality where the code is whole (as ElderQueries.InRegion), so both databases use their indexes.
            orders = prefix.Length switch
            {
                9 => orders.Where(o => o.UnitCode == prefix),
                12 => orders.Where(o => o.RegionCode == prefix),
                _ => orders.Where(o => o.RegionCode.StartsWith(prefix)),
            };
        }
        var (start, end) = ServiceTime.Days(q.From, q.To);
        if (start is { } first) orders = orders.Where(o => o.WindowStart >= first);
        if (end is { } after) orders = orders.Where(o => o.WindowStart < after);
        return orders;
    }
}
