using System.Security.Claims;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Search;

/// <summary>What the global search looks in; each kind needs the policy that reads its list.</summary>
public enum SearchKind { Elders, Facilities, Workers, Orders }

/// <summary>One hit: plain text (rendered encoded, never as HTML), personal data masked as on the list, and its details page.</summary>
public sealed record SearchHit(Guid Id, string Title, string? Detail, string Url);

/// <summary>The hits of one kind, at most <see cref="SearchEverything.PerKind"/>; <c>moreUrl</c> is the list filtered the same way.</summary>
public sealed record SearchGroup(SearchKind Kind, string Label, IReadOnlyList<SearchHit> Hits, bool More, string? MoreUrl);

public sealed record SearchResult(string Q, IReadOnlyList<SearchGroup> Groups)
{
    public int Count => Groups.Sum(g => g.Hits.Count);
}

/// <summary>
/// The search box in the header: elders by name (contains), ID number or phone (exact, through their blind indexes, ADR 6),
/// facilities and workers by name, service orders by their number (the order id). Every kind read within the user's
/// DataScope with the same InScope rule as its list (ADR 19), so a hit is always a record the user may open.
/// </summary>
public static class SearchEverything
{
    public const int PerKind = 5;
    public const int MinLength = 2;
    public const int MaxLength = 50;

    /// <summary>The kinds a user's policies let them search (the same policies as the lists).</summary>
    public static IReadOnlySet<SearchKind> KindsFor(ClaimsPrincipal user)
    {
        var kinds = new HashSet<SearchKind>();
        if (Roles.Allows(user, Roles.Policies.ReadElders)) kinds.Add(SearchKind.Elders);
        if (Roles.Allows(user, Roles.Policies.ReadFacilities)) kinds.Add(SearchKind.Facilities);
        if (Roles.Allows(user, Roles.Policies.ReadServices))
        {
            kinds.Add(SearchKind.Workers);
            kinds.Add(SearchKind.Orders);
        }
        return kinds;
    }

    /// <summary>Null when the text can be searched, else the message (checked before any query).</summary>
    public static string? Problem(string? q) => q?.Trim().Length switch
    {
        null or 0 => "请输入要搜索的内容：姓名、身份证号码、电话、设施名称或工单编号。",
        < MinLength => $"请至少输入 {MinLength} 个字再搜索。",
        > MaxLength => $"搜索内容不能超过 {MaxLength} 个字。",
        _ => null,
    };

    /// <summary>
    /// True when the text is a whole ID number or phone: personal data that must not travel in a URL (server and proxy
    /// logs keep URLs), so only a posted search takes it (the page's form, POST /api/search).
    /// </summary>
    public static bool Sensitive(string? q, DateOnly today) =>
        q is not null && (IdNumber.Parse(q.Trim(), today).IsValid || ElderPhone.Normalize(q) is not null);

    public const string SensitiveInUrl = "身份证号码和电话号码请在搜索框中提交（POST），不要放在网址中，以免写入服务器日志。";

    public static async Task<Outcome<SearchResult>> Handle(string? q, IReadOnlySet<SearchKind> kinds, DataScope scope, AppDbContext db,
        FieldProtector protector, TimeProvider clock, CancellationToken ct)
    {
        if (Problem(q) is { } problem) return Outcome<SearchResult>.Invalid("q", problem);
        var text = q!.Trim();
        var groups = new List<SearchGroup>();
        if (kinds.Contains(SearchKind.Elders)) groups.Add(await Elders(text, scope, db, protector, clock, ct));
        if (kinds.Contains(SearchKind.Facilities)) groups.Add(await Facilities(text, scope, db, ct));
        if (kinds.Contains(SearchKind.Workers)) groups.Add(await Workers(text, scope, db, ct));
        if (kinds.Contains(SearchKind.Orders)) groups.Add(await Orders(text, scope, db, ct));
        // An ID number or phone is not echoed in full (ADR 6): the answer names it masked.
        var echo = IdNumber.Parse(text, clock.Today()).IsValid ? Masking.IdNumber(text)!
            : ElderPhone.Normalize(text) is { } phone ? Masking.Phone(phone)! : text;
        return new SearchResult(echo, groups);
    }

    private static async Task<SearchGroup> Elders(string text, DataScope scope, AppDbContext db, FieldProtector protector, TimeProvider clock,
        CancellationToken ct)
    {
        var today = clock.Today();
        var elders = db.Elders.AsNoTracking().InScope(scope, db).Where(e => e.Status == ElderStatus.Active);
        var id = IdNumber.Parse(text, today);
        string? moreUrl;
        if (id.IsValid)
        {
            // An ID number is matched exactly through its blind index; the number itself is never queried (ADR 6).
            var index = protector.BlindIndex(id.Number);
            elders = db.Elders.AsNoTracking().InScope(scope, db).Where(e => e.IdNumberIndex == index);
            moreUrl = null;
        }
        else if (ElderPhone.Index(text, protector) is { } phoneIndex)
        {
            // A phone likewise, whole, through its blind index (filled at registration and by ElderPhoneBackfill).
            elders = elders.Where(e => e.PhoneIndex == phoneIndex);
            moreUrl = null;
        }
        else
        {
            elders = elders.Where(e => e.Name.Contains(text));
            moreUrl = "/elders" + QueryString.Create("q", text).ToUriComponent();
        }
        var rows = await ListElders.Read(elders.OrderBy(e => e.Name).ThenBy(e => e.Id).Take(PerKind + 1), db, protector, today, ct);
        var hits = rows.Take(PerKind).Select(e => new SearchHit(e.Id, e.Name,
            $"{e.IdNumber} · {ElderLabels.Of(e.Sex)} · {e.Age} 岁 · {e.RegionName ?? e.RegionCode}", $"/elders/{e.Id}")).ToList();
        return new SearchGroup(SearchKind.Elders, "老年人", hits, rows.Count > PerKind, rows.Count > PerKind ? moreUrl : null);
    }

    private static async Task<SearchGroup> Facilities(string text, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var rows = await db.Facilities.AsNoTracking().InScope(scope).Where(f => f.Name.Contains(text))
            .OrderBy(f => f.Name).ThenBy(f => f.Id).Take(PerKind + 1)
            .Select(f => new { f.Id, f.Name, f.Type, f.Status, f.RegionCode }).ToListAsync(ct);
        var hits = rows.Take(PerKind).Select(f => new SearchHit(f.Id, f.Name, $"{Labels.Of(f.Type)} · {Labels.Of(f.Status)} · {f.RegionCode}",
            $"/facilities/{f.Id}")).ToList();
        return new SearchGroup(SearchKind.Facilities, "养老服务设施", hits, rows.Count > PerKind,
            rows.Count > PerKind ? "/facilities" + QueryString.Create("q", text).ToUriComponent() : null);
    }

    private static async Task<SearchGroup> Workers(string text, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var rows = await db.Workers.AsNoTracking().InScope(scope, db).Where(w => w.Name.Contains(text))
            .OrderBy(w => w.Name).ThenBy(w => w.Id).Take(PerKind + 1)
            .Select(w => new { w.Id, w.Name, Provider = db.ServiceProviders.Where(p => p.Id == w.ProviderId).Select(p => p.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var hits = rows.Take(PerKind).Select(w => new SearchHit(w.Id, w.Name, w.Provider, $"/workers/{w.Id}/edit")).ToList();
        return new SearchGroup(SearchKind.Workers, "服务人员", hits, rows.Count > PerKind,
            rows.Count > PerKind ? "/workers" + QueryString.Create("name", text).ToUriComponent() : null);
    }

    private static async Task<SearchGroup> Orders(string text, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        // The order number is the id shown on the order (with or without hyphens); only a whole number matches.
        if (!Guid.TryParse(text, out var id)) return new SearchGroup(SearchKind.Orders, "服务工单", [], false, null);
        var rows = await db.ServiceOrders.AsNoTracking().InScope(scope, db).Where(o => o.Id == id)
            .Select(o => new
            {
                o.Id, o.ItemName, o.WindowStart, o.Status, Elder = db.Elders.Where(e => e.Id == o.ElderId).Select(e => e.Name).First(),
            })
            .ToListAsync(ct);
        var hits = rows.Select(o => new SearchHit(o.Id, $"{o.ItemName} · {o.Elder}",
            $"{Shared.Display.ChinaTime(o.WindowStart)} · {ServiceLabels.Of(o.Status)}", $"/orders/{o.Id}")).ToList();
        return new SearchGroup(SearchKind.Orders, "服务工单", hits, false, null);
    }
}
