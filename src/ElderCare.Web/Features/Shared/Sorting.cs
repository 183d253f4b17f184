using System.Globalization;
using System.Linq.Expressions;

namespace ElderCare.Web.Features.Shared;

/// <summary>The order a list is read in: a whitelisted key and a direction (<c>?sort=name&amp;dir=desc</c>).</summary>
public readonly record struct Sort(string Key, bool Descending)
{
    public string Dir => Descending ? "desc" : "asc";

    public override string ToString() => $"{Key} {Dir}";
}

/// <summary>
/// The sort keys one list allows (a whitelist): a key from the URL that is not on it gives the list's default order,
/// never an error and never a column name passed on to the database.
/// </summary>
public sealed class SortKeys<T>
{
    private readonly Dictionary<string, Func<IQueryable<T>, bool, IOrderedQueryable<T>>> _keys = new(StringComparer.Ordinal);

    public SortKeys(string defaultKey, bool defaultDescending = false)
    {
        Default = new Sort(defaultKey, defaultDescending);
    }

    public Sort Default { get; }

    public IReadOnlyCollection<string> Keys => _keys.Keys;

    /// <summary>A column; <paramref name="inverted"/> when the column shows the reverse of the key (age from the birth date).</summary>
    public SortKeys<T> Add<TKey>(string name, Expression<Func<T, TKey>> key, bool inverted = false)
    {
        _keys[name] = (q, desc) => desc != inverted ? q.OrderByDescending(key) : q.OrderBy(key);
        return this;
    }

    /// <summary>The sort asked for, or the default when the key is not on the list; a direction other than "desc" is ascending.</summary>
    public Sort Resolve(string? sort, string? dir)
    {
        var key = sort?.Trim();
        if (string.IsNullOrEmpty(key) || !_keys.ContainsKey(key)) return Default;
        return new Sort(key, string.Equals(dir?.Trim(), "desc", StringComparison.OrdinalIgnoreCase));
    }

    public IOrderedQueryable<T> Apply(IQueryable<T> rows, Sort sort) =>
        _keys.TryGetValue(sort.Key, out var order) ? order(rows, sort.Descending) : _keys[Default.Key](rows, Default.Descending);

    public IOrderedQueryable<T> Apply(IQueryable<T> rows, string? sort, string? dir) => Apply(rows, Resolve(sort, dir));
}

/// <summary>
/// The links of a list page: the same filters (kept in the URL) with another page, another sort, or as an export.
/// One per page model; the header partial <c>_SortHeader</c> renders <see cref="Header"/>.
/// </summary>
public sealed class ListLinks(string path, IEnumerable<KeyValuePair<string, string?>> filters, Sort sort, Sort defaultSort)
{
    private readonly List<KeyValuePair<string, string?>> _filters = filters.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToList();

    public Sort Sort => sort;

    /// <summary>The filters and the sort, without the page: what an export or another page starts from.</summary>
    private IEnumerable<KeyValuePair<string, string?>> Current(Sort s) =>
        s == defaultSort ? _filters : _filters.Append(new("sort", s.Key)).Append(new("dir", s.Dir));

    public string Page(int page) => path + QueryString.Create(page == 1 ? Current(sort)
        : Current(sort).Append(new("page", page.ToString(CultureInfo.InvariantCulture)))).ToUriComponent();

    /// <summary>Sorted by <paramref name="key"/>: ascending first, the other way when it is already the sort; back to page 1.</summary>
    public string SortBy(string key) => path + QueryString.Create(Current(new Sort(key, sort.Key == key && !sort.Descending)))
        .ToUriComponent();

    /// <summary>The export of exactly these rows: the filters and the sort, all pages.</summary>
    public string Export(string handler = "export") =>
        path + QueryString.Create(Current(sort).Append(new("handler", handler))).ToUriComponent();

    public SortHeader Header(string label, string key, string? cssClass = null) =>
        new(label, SortBy(key), sort.Key == key ? sort.Descending ? "descending" : "ascending" : null, cssClass);

    /// <summary>The filters as the audit entry of an export names them ("status=Completed, from=2026-01-01; 排序 name desc").</summary>
    public string Described() =>
        (_filters.Count == 0 ? "无筛选" : string.Join(", ", _filters.Select(kv => $"{kv.Key}={kv.Value}"))) + $"; 排序 {sort}";
}

/// <summary>One sortable column header: its label, the link that sorts by it, and aria-sort when it is the sort.</summary>
public sealed record SortHeader(string Label, string Url, string? AriaSort, string? CssClass);
