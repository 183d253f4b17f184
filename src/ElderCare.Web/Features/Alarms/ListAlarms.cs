using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Alarms;

public sealed record RecentAlarm(Guid Id, AlarmKind Kind, DateTime RaisedAt, AlarmOutcome? Outcome);

/// <summary>What the duty operator needs on one card: the alarm and the elder (phones masked; unmask on the elder's page).</summary>
public sealed record AlarmCard(AlarmResource Alarm, string ElderName, string? Address, LocationResource? Home, LivingArrangement LivingArrangement,
    int? Level, IReadOnlyList<ContactResource> Contacts, IReadOnlyList<RecentAlarm> Recent, string? StationName);

public static class ListAlarms
{
    public sealed record Query(string? Status, bool? Open, string? RegionCode, int? Page, int? PageSize);

    public static async Task<Outcome<Paged<AlarmResource>>> Handle(Query q, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(q.Page, q.PageSize, errors);
        var status = EnumText.Optional<AlarmStatus>(q.Status, "status", errors);
        if (errors.Any) return Outcome<Paged<AlarmResource>>.Invalid(errors);
        var alarms = db.Alarms.AsNoTracking().InScope(scope);
        if (status is { } s) alarms = alarms.Where(a => a.Status == s);
        if (q.Open == true) alarms = alarms.Where(a => a.Status != AlarmStatus.Resolved);
        if (!string.IsNullOrWhiteSpace(q.RegionCode)) alarms = alarms.Where(a => a.RegionCode.StartsWith(q.RegionCode.Trim()));
        var total = await alarms.CountAsync(ct);
        var page = await alarms.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Paged<AlarmResource>(page.Select(AlarmResource.From).ToList(), paging.Page, paging.PageSize, total);
    }

    public static async Task<Outcome<AlarmResource>> One(Guid id, DataScope scope, AppDbContext db, CancellationToken ct) =>
        await db.Alarms.AsNoTracking().InScope(scope).FirstOrDefaultAsync(a => a.Id == id, ct) is { } a
            ? AlarmResource.From(a)
            : Outcome<AlarmResource>.NotFound("未找到该报警。");

    /// <summary>The console: every open alarm in scope (oldest first: the longest wait on top), with the elder's facts.</summary>
    public static async Task<IReadOnlyList<AlarmCard>> OpenCards(DataScope scope, AppDbContext db, FieldProtector protector, CancellationToken ct)
    {
        var open = await db.Alarms.AsNoTracking().InScope(scope).Where(a => a.Status != AlarmStatus.Resolved)
            .OrderBy(a => a.RaisedAt).Take(200).ToListAsync(ct);
        if (open.Count == 0) return [];
        var elderIds = open.Select(a => a.ElderId).Distinct().ToList();
        var elders = await db.Elders.AsNoTracking().Where(e => elderIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var since = open.Min(a => a.RaisedAt).AddDays(-90);
        var recent = (await db.Alarms.AsNoTracking().Where(a => elderIds.Contains(a.ElderId) && a.RaisedAt >= since)
                .OrderByDescending(a => a.RaisedAt).Select(a => new { a.ElderId, a.Id, a.Kind, a.RaisedAt, a.Outcome }).ToListAsync(ct))
            .GroupBy(a => a.ElderId).ToDictionary(g => g.Key, g => g.Select(a => new RecentAlarm(a.Id, a.Kind, a.RaisedAt, a.Outcome)).ToList());
        var stationIds = open.Where(a => a.StationId != null).Select(a => a.StationId!.Value).Distinct().ToList();
        var stations = await db.Facilities.AsNoTracking().Where(f => stationIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        return open.Select(a =>
        {
            var e = elders[a.ElderId];
            return new AlarmCard(AlarmResource.From(a), e.Name, e.Address,
                e.Latitude is { } lat && e.Longitude is { } lng ? new LocationResource(lat, lng) : null, e.LivingArrangement, e.CurrentLevel,
                e.EmergencyContacts.Select(c => new ContactResource(c.Name, c.Relation, Masking.Phone(protector.Unprotect(c.PhoneProtected)))).ToList(),
                (recent.GetValueOrDefault(a.ElderId) ?? []).Where(r => r.Id != a.Id).Take(5).ToList(),
                a.StationId is { } s ? stations.GetValueOrDefault(s) : null);
        }).ToList();
    }
}
