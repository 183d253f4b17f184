using ElderCare.Web.Infrastructure.Errors;

namespace ElderCare.Web.Infrastructure.Web;

/// <summary>A page of a list: <c>{items, page, pageSize, total}</c>.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;

    public int Skip => (Page - 1) * PageSize;

    /// <summary>Page from 1; page size from 1, capped at 100 (OWASP API4).</summary>
    public static PageRequest From(int? page, int? pageSize, FieldErrors errors)
    {
        errors.AddIf(page < 1, "page", "页码须从 1 开始。");
        errors.AddIf(pageSize < 1, "pageSize", "每页条数须大于 0。");
        return new(Math.Max(page ?? 1, 1), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));
    }
}
