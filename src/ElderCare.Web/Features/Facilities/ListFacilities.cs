using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Facilities;

public sealed record FacilityRow(
    Guid Id, string Name, FacilityType Type, string RegionCode, string? RegionName, FacilityStatus Status,
    double FloorArea, int Beds, OperationMode OperationMode, string? OperatorName, DateOnly? OpenedOn)
{
    /// <summary>开放时间 and 服务电话 (public facts of the facility), or null.</summary>
    public string? OpeningHours { get; init; }

    public string? ServicePhone { get; init; }
}

public static class ListFacilities
{
    public sealed record Query
    {
        public string? RegionCode { get; init; }
        public string? Type { get; init; }
        public string? Status { get; init; }
        public string? Q { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
        public string? Sort { get; init; }
        public string? Dir { get; init; }
    }

    /// <summary>The columns the list sorts by (a whitelist, Shared/Sorting.cs); by region, type and name unless asked.</summary>
    public static readonly SortKeys<Facility> Sorting = new SortKeys<Facility>("region")
        .Add("name", f => f.Name)
        .Add("type", f => f.Type)
        .Add("region", f => f.RegionCode)
        .Add("status", f => f.Status)
        .Add("floorArea", f => f.FloorArea)
        .Add("beds", f => f.Beds.Total)
        .Add("openedOn", f => f.OpenedOn);

    public static Task<Outcome<Paged<FacilityRow>>> Handle(Query query, DataScope scope, AppDbContext db, CancellationToken ct) =>
        ListPage.Read(query.Page, query.PageSize, errors => Filter(query, scope, db, errors), facilities => Sorted(facilities, query),
            (page, token) => Rows(page, db).ToListAsync(token), ct);

    /// <summary>The list's order: the chosen column, then region, type, name and id, so that pages and exports agree.</summary>
    public static IOrderedQueryable<Facility> Sorted(IQueryable<Facility> facilities, Query q) =>
        Sorting.Apply(facilities, q.Sort, q.Dir).ThenBy(f => f.RegionCode).ThenBy(f => f.Type).ThenBy(f => f.Name).ThenBy(f => f.Id);

    public static IQueryable<FacilityRow> Rows(IQueryable<Facility> facilities, AppDbContext db) =>
        facilities.Select(f => new FacilityRow(f.Id, f.Name, f.Type, f.RegionCode,
            db.Regions.Where(r => r.Code == f.RegionCode).Select(r => r.Name).FirstOrDefault(),
            f.Status, f.FloorArea, f.Beds.Total, f.OperationMode, f.OperatorName, f.OpenedOn)
        {
            OpeningHours = f.OpeningHours, ServicePhone = f.ServicePhone,
        });

    /// <summary>The facilities in scope matching the filters (the list and its export share it).</summary>
    public static IQueryable<Facility> Filter(Query query, DataScope scope, AppDbContext db, FieldErrors errors)
    {
        var type = EnumText.Optional<FacilityType>(query.Type, "type", errors);
        var status = EnumText.Optional<FacilityStatus>(query.Status, "status", errors);
        var facilities = db.Facilities.AsNoTracking().InScope(scope).InRegion(query.RegionCode);
        if (type is { } t) facilities = facilities.Where(f => f.Type == t);
        if (status is { } s) facilities = facilities.Where(f => f.Status == s);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            facilities = facilities.Where(f => f.Name.Contains(q) || (f.OperatorName != null && f.OperatorName.Contains(q)));
        }
        return facilities;
    }
}
