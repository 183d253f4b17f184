using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.FamilyBeds;

/// <summary>Beds in scope by centre and signing date, with the month's plan figures (a missing or unreadable month is this month).</summary>
public static class ListFamilyBeds
{
    public sealed record Query
    {
        public string? Month { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public static async Task<Outcome<Paged<FamilyBedResource>>> Handle(Query query, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(query.Page, query.PageSize, errors);
        if (errors.Any) return Outcome<Paged<FamilyBedResource>>.Invalid(errors);
        var month = ServiceTime.ParseMonth(query.Month) ?? ServiceTime.Month(clock.UtcNow());
        var beds = db.FamilyCareBeds.AsNoTracking().InScope(scope);
        var total = await beds.CountAsync(ct);
        var page = beds.OrderBy(b => b.FacilityId).ThenBy(b => b.SignedOn).ThenBy(b => b.Id).Skip(paging.Skip).Take(paging.PageSize);
        return new Paged<FamilyBedResource>(await FamilyBedQueries.Resources(page, month, db, ct), paging.Page, paging.PageSize, total);
    }
}
