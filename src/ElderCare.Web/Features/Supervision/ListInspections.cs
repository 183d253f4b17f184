using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Supervision;

/// <summary>Inspections in scope, newest first, by round, street or town and facility; paged.</summary>
public static class ListInspections
{
    public sealed record Query
    {
        public Guid? RoundId { get; init; }
        public string? UnitCode { get; init; }
        public Guid? FacilityId { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public static async Task<Outcome<Paged<InspectionResource>>> Handle(Query query, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(query.Page, query.PageSize, errors);
        if (errors.Any) return Outcome<Paged<InspectionResource>>.Invalid(errors);
        var rows = db.Inspections.AsNoTracking().InScope(scope);
        if (query.RoundId is { } round) rows = rows.Where(i => i.RoundId == round);
        if (!string.IsNullOrWhiteSpace(query.UnitCode)) rows = rows.Where(i => i.UnitCode == query.UnitCode.Trim());
        if (query.FacilityId is { } facility) rows = rows.Where(i => i.FacilityId == facility);
        var total = await rows.CountAsync(ct);
        var page = rows.OrderByDescending(i => i.InspectedAt).ThenBy(i => i.Id).Skip(paging.Skip).Take(paging.PageSize);
        return new Paged<InspectionResource>(await SupervisionQueries.Inspections(page, db, ct), paging.Page, paging.PageSize, total);
    }
}
