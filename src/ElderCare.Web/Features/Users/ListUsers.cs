using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Users;

/// <summary>A line of the user list: the API's view of the user (mobile masked) and what the page adds.</summary>
public sealed record UserRow(UserResource User, bool TwoFactorRequired, bool MustChangePassword);

/// <summary>The users that match, and how many accounts there are in all.</summary>
public sealed record UserList(IReadOnlyList<UserRow> Rows, int Total);

public static class ListUsers
{
    /// <summary><paramref name="Q"/> matches the user name or display name; <paramref name="Role"/> is a role's kebab-case name.</summary>
    public sealed record Query(string? Q, string? Role, string? Sort = null, string? Dir = null);

    /// <summary>The columns the list sorts by (a whitelist, Shared/Sorting.cs); by user name unless asked.</summary>
    public static readonly SortKeys<AppUser> Sorting = new SortKeys<AppUser>("userName")
        .Add("userName", u => u.UserName)
        .Add("displayName", u => u.DisplayName)
        .Add("role", u => u.Role);

    /// <summary>The accounts matching the filters (the list and its export share it).</summary>
    public static IQueryable<AppUser> Filter(Query q, AppDbContext db)
    {
        var query = db.Users.AsNoTracking();
        if (FormValues.Trimmed(q.Q) is { } text)
            query = query.Where(u => u.UserName!.Contains(text) || u.DisplayName.Contains(text));
        if (EnumText.TryParse<Role>(q.Role, out var role)) query = query.Where(u => u.Role == role);
        return query;
    }

    public static IOrderedQueryable<AppUser> Sorted(IQueryable<AppUser> users, Query q) =>
        Sorting.Apply(users, q.Sort, q.Dir).ThenBy(u => u.UserName).ThenBy(u => u.Id);

    /// <summary>
    /// Every matching account, ordered by user name. Not paged: the accounts are the district's own staff and the
    /// operators' managers, a few hundred at most, and the administrator reviews them on one page.
    /// </summary>
    public static async Task<UserList> Handle(Query q, AppDbContext db, FieldProtector protector, CancellationToken ct)
    {
        var total = await db.Users.CountAsync(ct);
        var rows = (await Sorted(Filter(q, db), q).ToListAsync(ct))
            .Select(u => new UserRow(UserResource.From(u, protector), u.TwoFactorRequired, u.MustChangePassword)).ToList();
        return new UserList(rows, total);
    }
}
