using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Subsidies;

public sealed record PlacementRow(Guid Id, Guid ElderId, string ElderName, Guid FacilityId, string FacilityName, string UnitCode, DateOnly From,
    DateOnly? To);

/// <summary>特困人员集中供养 placements in facilities in scope, current first (then by start, newest first); paged.</summary>
public static class ListPlacements
{
    public sealed record Query(bool? Current, int? Page, int? PageSize);

    public static async Task<Outcome<Paged<PlacementRow>>> Handle(Query query, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(query.Page, query.PageSize, errors);
        if (errors.Any) return Outcome<Paged<PlacementRow>>.Invalid(errors);
        var facilities = db.Facilities.AsNoTracking().InScope(scope);
        var rows = from p in db.Placements.AsNoTracking()
                   join f in facilities on p.FacilityId equals f.Id
                   join e in db.Elders.AsNoTracking() on p.ElderId equals e.Id
                   select new { p, FacilityName = f.Name, ElderName = e.Name };
        if (query.Current == true) rows = rows.Where(r => r.p.To == null);
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(r => r.p.To != null).ThenByDescending(r => r.p.From).ThenBy(r => r.p.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Paged<PlacementRow>(page.Select(r => new PlacementRow(r.p.Id, r.p.ElderId, r.ElderName, r.p.FacilityId, r.FacilityName,
            r.p.UnitCode, r.p.From, r.p.To)).ToList(), paging.Page, paging.PageSize, total);
    }

    /// <summary>Facilities in scope that take placed elders: operating centres (街道/镇养老服务中心).</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> Centres(DataScope scope, AppDbContext db, CancellationToken ct) =>
        (await db.Facilities.AsNoTracking().InScope(scope)
            .Where(f => f.Status == FacilityStatus.Operating && (f.Type == FacilityType.StreetCenter || f.Type == FacilityType.TownCenter))
            .OrderBy(f => f.Name).Select(f => new { f.Id, f.Name }).ToListAsync(ct))
        .Select(f => (f.Id, f.Name)).ToList();
}
