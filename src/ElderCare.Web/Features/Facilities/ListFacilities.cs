using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Facilities;

public sealed record FacilityRow(
    Guid Id, string Name, FacilityType Type, string RegionCode, string? RegionName, FacilityStatus Status,
    double FloorArea, int Beds, OperationMode OperationMode, string? OperatorName, DateOnly? OpenedOn);

public static class ListFacilities
{
    public sealed record Query(string? RegionCode, string? Type, string? Status, string? Q, int? Page, int? PageSize);

    public static async Task<Outcome<Paged<FacilityRow>>> Handle(Query query, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var type = EnumText.Optional<FacilityType>(query.Type, "type", errors);
        var status = EnumText.Optional<FacilityStatus>(query.Status, "status", errors);
        var paging = PageRequest.From(query.Page, query.PageSize, errors);
        if (errors.Any) return Outcome<Paged<FacilityRow>>.Invalid(errors);

        var facilities = db.Facilities.AsNoTracking().InScope(scope).InRegion(query.RegionCode);
        if (type is { } t) facilities = facilities.Where(f => f.Type == t);
        if (status is { } s) facilities = facilities.Where(f => f.Status == s);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            facilities = facilities.Where(f => f.Name.Contains(q) || (f.OperatorName != null && f.OperatorName.Contains(q)));
        }

        var total = await facilities.CountAsync(ct);
        var items = await facilities
            .OrderBy(f => f.RegionCode).ThenBy(f => f.Type).ThenBy(f => f.Name)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(f => new FacilityRow(f.Id, f.Name, f.Type, f.RegionCode,
                db.Regions.Where(r => r.Code == f.RegionCode).Select(r => r.Name).FirstOrDefault(),
                f.Status, f.FloorArea, f.Beds.Total, f.OperationMode, f.OperatorName, f.OpenedOn))
            .ToListAsync(ct);
        return new Paged<FacilityRow>(items, paging.Page, paging.PageSize, total);
    }
}
