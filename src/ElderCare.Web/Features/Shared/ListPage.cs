using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Shared;

/// <summary>
/// What every paged list shares (ADR 30: the list's own <c>Filter</c> and <c>Sorted</c>, which its export uses too):
/// the page and page size are checked before the filter, then the filtered rows are counted and one page of them is
/// read in the list's order.
/// </summary>
public static class ListPage
{
    public static async Task<Outcome<Paged<TRow>>> Read<TSource, TRow>(int? page, int? pageSize,
        Func<FieldErrors, IQueryable<TSource>> filter, Func<IQueryable<TSource>, IOrderedQueryable<TSource>> sort,
        Func<IQueryable<TSource>, CancellationToken, Task<List<TRow>>> read, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        var filtered = filter(errors);
        if (errors.Any) return Outcome<Paged<TRow>>.Invalid(errors);
        var total = await filtered.CountAsync(ct);
        var rows = await read(sort(filtered).Skip(paging.Skip).Take(paging.PageSize), ct);
        return new Paged<TRow>(rows, paging.Page, paging.PageSize, total);
    }
}
