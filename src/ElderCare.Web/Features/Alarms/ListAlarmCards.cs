using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Alarms;

public sealed record RecentAlarm(Guid Id, AlarmKind Kind, DateTime RaisedAt, AlarmOutcome? Outcome);

/// <summary>What the duty operator needs on one card: the alarm and the elder (phones masked; unmask on the elder's page).</summary>
public sealed record AlarmCard(AlarmResource Alarm, string ElderName, string? Address, LocationResource? Home,
    LivingArrangement LivingArrangement, int? Level, IReadOnlyList<ContactResource> Contacts, IReadOnlyList<RecentAlarm> Recent,
    string? StationName)
{
    /// <summary>An emergency contact's full number called up on this card (<see cref="UnmaskContact"/>); null otherwise.</summary>
    public UnmaskContact.Unmasked? Revealed { get; init; }
}

/// <summary>
/// The console's cards: the open alarms in scope, the longest wait first, with the elder's facts — one page of
/// <see cref="AlarmOptions.ConsoleCards"/> (its total counts every open alarm).
/// </summary>
public static class ListAlarmCards
{
    /// <summary>
    /// A card lists the elder's other alarms of the last 90 days, at most five: enough for the operator to see a pattern
    /// (repeated falls, a device that cries wolf) at a glance; the elder's page has the rest.
    /// </summary>
    public const int RecentDays = 90;

    public const int RecentOnCard = 5;

    public static async Task<Paged<AlarmCard>> Handle(DataScope scope, AppDbContext db, FieldProtector protector, AlarmOptions options,
        CancellationToken ct)
    {
        var alarms = db.Alarms.AsNoTracking().InScope(scope).Where(a => a.Status != AlarmStatus.Resolved);
        var open = await alarms.OrderBy(a => a.RaisedAt).ThenBy(a => a.Id).Take(options.ConsoleCards).ToListAsync(ct);
        if (open.Count == 0) return new([], 1, options.ConsoleCards, 0);
        var total = open.Count < options.ConsoleCards ? open.Count : await alarms.CountAsync(ct);
        var elderIds = open.Select(a => a.ElderId).Distinct().ToList();
        var elders = await db.Elders.AsNoTracking().Where(e => elderIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var since = open.Min(a => a.RaisedAt).AddDays(-RecentDays);
        var recent = (await db.Alarms.AsNoTracking().Where(a => elderIds.Contains(a.ElderId) && a.RaisedAt >= since)
                .OrderByDescending(a => a.RaisedAt).Select(a => new { a.ElderId, a.Id, a.Kind, a.RaisedAt, a.Outcome }).ToListAsync(ct))
            .GroupBy(a => a.ElderId)
            .ToDictionary(g => g.Key, g => g.Select(a => new RecentAlarm(a.Id, a.Kind, a.RaisedAt, a.Outcome)).ToList());
        var stationIds = open.Where(a => a.StationId != null).Select(a => a.StationId!.Value).Distinct().ToList();
        var stations = await db.Facilities.AsNoTracking().Where(f => stationIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        var cards = open.Select(a =>
        {
            var e = elders[a.ElderId];
            return new AlarmCard(AlarmResource.From(a), e.Name, e.Address, LocationResource.Of(e.Latitude, e.Longitude), e.LivingArrangement,
                e.CurrentLevel,
                e.EmergencyContacts
                    .Select(c => new ContactResource(c.Name, c.Relation, Masking.Phone(protector.Unprotect(c.PhoneProtected)))).ToList(),
                (recent.GetValueOrDefault(a.ElderId) ?? []).Where(r => r.Id != a.Id).Take(RecentOnCard).ToList(),
                a.StationId is { } s ? stations.GetValueOrDefault(s) : null);
        }).ToList();
        return new(cards, 1, options.ConsoleCards, total);
    }
}
