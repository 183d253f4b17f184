using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Alarms;

/// <summary>One alarm of the alarm list (报警记录): what, for whom, when, how far it got.</summary>
public sealed record AlarmRow(Guid Id, AlarmKind Kind, Guid ElderId, string ElderName, string RegionCode, DateTime RaisedAt,
    DateTime? AcknowledgedAt, DateTime? ResolvedAt, AlarmStatus Status, AlarmOutcome? Outcome)
{
    /// <summary>Seconds from raised to answered; null while not answered.</summary>
    public double? AnswerSeconds => AcknowledgedAt is { } a ? (a - RaisedAt).TotalSeconds : null;
}

/// <summary>Alarms in scope, the newest first unless asked; open=true (not resolved) is what the console re-reads after a reconnect.</summary>
public static class ListAlarms
{
    public sealed record Query
    {
        public string? Status { get; init; }
        public bool? Open { get; init; }
        public string? RegionCode { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
        public string? Kind { get; init; }
        /// <summary>First China calendar day of the raise time.</summary>
        public DateOnly? From { get; init; }
        /// <summary>Last China calendar day of the raise time.</summary>
        public DateOnly? To { get; init; }
        public string? Sort { get; init; }
        public string? Dir { get; init; }
    }

    /// <summary>The columns the list sorts by (a whitelist, Shared/Sorting.cs; ADR 30).</summary>
    public static readonly SortKeys<Alarm> Sorting = new SortKeys<Alarm>("raised", defaultDescending: true)
        .Add("raised", a => a.RaisedAt)
        .Add("kind", a => a.Kind)
        .Add("status", a => a.Status)
        .Add("acknowledged", a => a.AcknowledgedAt)
        .Add("resolved", a => a.ResolvedAt);

    public static Task<Outcome<Paged<AlarmResource>>> Handle(Query q, DataScope scope, AppDbContext db, CancellationToken ct) =>
        ListPage.Read(q.Page, q.PageSize, errors => Filter(q, scope, db, errors), alarms => Sorted(alarms, q),
            async (page, token) => (await page.ToListAsync(token)).Select(AlarmResource.From).ToList(), ct);

    /// <summary>The list's order: the chosen column, then the newest raised and id, so that pages and exports agree.</summary>
    public static IOrderedQueryable<Alarm> Sorted(IQueryable<Alarm> alarms, Query q) =>
        Sorting.Apply(alarms, q.Sort, q.Dir).ThenByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id);

    /// <summary>The rows with the elder's name (a projection keeps the sorted order).</summary>
    public static IQueryable<AlarmRow> Rows(IQueryable<Alarm> alarms, AppDbContext db) =>
        alarms.Select(a => new AlarmRow(a.Id, a.Kind, a.ElderId, db.Elders.Where(e => e.Id == a.ElderId).Select(e => e.Name).First(),
            a.RegionCode, a.RaisedAt, a.AcknowledgedAt, a.ResolvedAt, a.Status, a.Outcome));

    /// <summary>The alarms in scope matching the filters (the list, the page and the export share it).</summary>
    public static IQueryable<Alarm> Filter(Query q, DataScope scope, AppDbContext db, FieldErrors errors)
    {
        var status = EnumText.Optional<AlarmStatus>(q.Status, "status", errors);
        var kind = EnumText.Optional<AlarmKind>(q.Kind, "kind", errors);
        errors.AddIf(q.From is { } f && q.To is { } t && t < f, "to", "结束日期不能早于开始日期。");
        var alarms = db.Alarms.AsNoTracking().InScope(scope);
        if (status is { } s) alarms = alarms.Where(a => a.Status == s);
        if (kind is { } k) alarms = alarms.Where(a => a.Kind == k);
        if (q.Open == true) alarms = alarms.Where(a => a.Status != AlarmStatus.Resolved);
        if (!string.IsNullOrWhiteSpace(q.RegionCode)) alarms = alarms.Where(a => a.RegionCode.StartsWith(q.RegionCode.Trim()));
        var (start, end) = ServiceTime.Days(q.From, q.To);
        if (start is { } first) alarms = alarms.Where(a => a.RaisedAt >= first);
        if (end is { } after) alarms = alarms.Where(a => a.RaisedAt < after);
        return alarms;
    }
}
