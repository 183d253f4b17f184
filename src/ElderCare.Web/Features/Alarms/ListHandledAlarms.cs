using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Alarms;

/// <summary>One alarm handled today: what, for whom, how long until it was answered, and how it ended.</summary>
public sealed record HandledAlarm(Guid Id, AlarmKind Kind, string ElderName, DateTime RaisedAt, DateTime? AcknowledgedAt, DateTime ResolvedAt,
    string? ResolvedBy, AlarmOutcome? Outcome)
{
    /// <summary>Seconds from raised to answered; null when resolved without a separate answer step.</summary>
    public double? AnswerSeconds => AcknowledgedAt is { } a ? (a - RaisedAt).TotalSeconds : null;
}

/// <summary>
/// The console's "今日已处理" list: alarms in scope resolved since midnight China time (the duty day), the latest first,
/// at most <see cref="Shown"/> (the alarm list has the rest).
/// </summary>
public static class ListHandledAlarms
{
    public const int Shown = 100;

    /// <summary>Midnight of the China calendar day of <paramref name="now"/>, as a UTC instant.</summary>
    public static DateTime DayStart(DateTime now)
    {
        var china = now + ChinaClock.Offset;
        return DateTime.SpecifyKind(china.Date - ChinaClock.Offset, DateTimeKind.Utc);
    }

    public static async Task<IReadOnlyList<HandledAlarm>> Handle(DataScope scope, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var since = DayStart(clock.UtcNow());
        var rows = await db.Alarms.AsNoTracking().InScope(scope)
            .Where(a => a.Status == AlarmStatus.Resolved && a.ResolvedAt >= since)
            .OrderByDescending(a => a.ResolvedAt).ThenByDescending(a => a.Id).Take(Shown)
            .Join(db.Elders, a => a.ElderId, e => e.Id, (a, e) => new
            {
                a.Id, a.Kind, e.Name, a.RaisedAt, a.AcknowledgedAt, a.ResolvedAt, a.ResolvedBy, a.Outcome,
            })
            .ToListAsync(ct);
        return rows.Select(r => new HandledAlarm(r.Id, r.Kind, r.Name, r.RaisedAt, r.AcknowledgedAt, r.ResolvedAt!.Value, r.ResolvedBy, r.Outcome))
            .ToList();
    }
}
