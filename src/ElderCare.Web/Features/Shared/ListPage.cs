using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
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

/// <summary>
/// The page side of a sortable list (ADR 30): the sort and direction in the URL, one page of rows, the pager and the
/// export, all keeping the filters through the page's <see cref="Links"/>. A filter the list refuses is said beside the
/// form and the list is shown without it; an export refused (a bad filter, too many rows) shows the list with why.
/// </summary>
public abstract class ListPageModel<TRow> : OutcomePageModel
{
    [BindProperty(SupportsGet = true, Name = "sort")] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "dir")] public string? Dir { get; set; }

    public Paged<TRow> Result { get; private set; } = null!;

    /// <summary>Sort headers, paging and the export link, all keeping the filters (Shared/Sorting.cs).</summary>
    public abstract ListLinks Links { get; }

    public Pager ListPager() => new(Result.Page, Result.PageCount, Result.Total, Links.Page);

    /// <summary>
    /// Shows the page the list read (<paramref name="outcome"/>; null when the URL's filters did not parse, with
    /// <paramref name="errors"/> saying why); when either refused, the errors go beside the form and
    /// <paramref name="fallback"/> (the list without the refused filters) is shown instead.
    /// </summary>
    protected async Task ShowAsync(Outcome<Paged<TRow>>? outcome, FieldErrors errors, Func<Task<Outcome<Paged<TRow>>>> fallback)
    {
        if (outcome is not { IsOk: true } || errors.Any)
        {
            outcome?.Errors?.MergeInto(errors);
            ModelState.AddFieldErrors(errors);
            outcome = await fallback();
        }
        Result = outcome.Value!;
    }

    /// <summary>
    /// The export's answer: the file, or the list again (<paramref name="reload"/>) with why not — <paramref name="errors"/>
    /// when the URL's filters did not parse (<paramref name="outcome"/> is then null), else the export's own refusal.
    /// </summary>
    protected async Task<IActionResult> FileOrListAsync(Outcome<ExportFile>? outcome, FieldErrors errors, Func<Task> reload)
    {
        if (outcome is { IsOk: true, Value: { } file }) return File(file.Content, file.ContentType, file.FileName);
        ModelState.AddFieldErrors(outcome?.Errors ?? errors);
        await reload();
        return Page();
    }
}
